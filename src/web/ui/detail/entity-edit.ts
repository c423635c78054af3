/**
 * The state of the entity edit form (EditEntity.tsx), pure so it is unit-tested in Node: which
 * nodes may be edited, the draft read from a node's properties, what a save sends, the problems
 * shown beside each field, and how a draft is carried over onto someone else's newer version.
 */
import { editValueProblem } from '../../../shared/api/node-edit-rules';

/**
 * The properties the form offers. Only those an edit may change without a source: every other
 * property is a fact the articles report (kind, dates, casualty figures…), which needs an
 * article and quote behind it, so it is changed through ingest or the data files, not here.
 */
export const EDIT_FIELDS = ['name', 'aliases', 'description'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export interface Draft {
  name: string;
  /** One alias a line, as typed. */
  aliases: string;
  description: string;
  reason: string;
}

type Props = Readonly<Record<string, unknown>>;

/** What the server edits (PATCH /api/nodes/{id}): an entity this app loaded, i.e. `:Entity` with a dataset. */
export function isEditable(node: { labels: readonly string[]; properties: Props }): boolean {
  return node.labels.includes('Entity') && node.properties.dataset !== undefined && node.properties.dataset !== null;
}

/** The `version` a save must send: the one read (0 when the node was never edited). */
export function versionOf(props: Props): number {
  const v = props.version;
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : 0;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : []);

export function draftFrom(props: Props): Draft {
  return {
    name: text(props.name),
    aliases: list(props.aliases).join('\n'),
    description: text(props.description),
    reason: '',
  };
}

/** The draft's aliases as a list: one a line, trimmed, blank lines and repeats dropped. */
export function aliasList(aliases: string): string[] {
  return [...new Set(aliases.split('\n').map((a) => a.trim()))].filter(Boolean);
}

/** A field's value as the draft would send it. */
function valueOf(draft: Draft, field: EditField): string | string[] {
  return field === 'aliases' ? aliasList(draft.aliases) : draft[field].trim();
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose draft value differs from `props`, with the value to set. */
export function changesOf(draft: Draft, props: Props): Partial<Record<EditField, string | string[]>> {
  const out: Partial<Record<EditField, string | string[]>> = {};
  for (const f of EDIT_FIELDS) {
    const v = valueOf(draft, f);
    const was = f === 'aliases' ? list(props.aliases) : text(props[f]).trim();
    if (!same(v, was)) out[f] = v;
  }
  return out;
}

export type Problems = Partial<Record<EditField | 'reason' | 'form', string>>;

/** What stops a save, by field (the server checks the same, so a mistake is shown before sending). */
export function problemsOf(draft: Draft, props: Props, labels?: readonly string[]): Problems {
  const out: Problems = {};
  const changes = changesOf(draft, props);
  for (const [k, v] of Object.entries(changes)) {
    const problem = editValueProblem(k, v, labels);
    if (problem) out[k as EditField] = problem;
  }
  if (!draft.reason.trim()) out.reason = 'say why (kept in the audit trail)';
  else if (draft.reason.trim().length > 500) out.reason = 'at most 500 characters';
  if (!Object.keys(changes).length) out.form = 'Nothing changed.';
  return out;
}

/**
 * Where a 400 belongs: the server names the parameter (`set.name`, `body.set.name`,
 * `body.reason`); anything else is the form's. Its message loses the parameter prefix.
 */
export function problemFromServer(param: string | undefined, message: string): Problems {
  const key = param?.replace(/^body\./, '').replace(/^set\./, '');
  const clean = param && message.startsWith(`${param}: `) ? message.slice(param.length + 2) : message;
  if (key && (EDIT_FIELDS as readonly string[]).includes(key)) return { [key as EditField]: clean };
  if (key === 'reason') return { reason: clean };
  return { form: message };
}

/**
 * After a 409: the draft carried over onto their version. A field the editor left alone takes
 * their value; one the editor changed keeps the editor's, and is listed in `clashes` when they
 * changed it too (to something else), so the form can show both before the editor saves again.
 */
export function rebase(draft: Draft, read: Props, theirs: Props): { draft: Draft; clashes: EditField[] } {
  const mine = changesOf(draft, read);
  const fresh = draftFrom(theirs);
  const next: Draft = { ...fresh, reason: draft.reason };
  const clashes: EditField[] = [];
  for (const f of EDIT_FIELDS) {
    if (!(f in mine)) continue;
    next[f] = draft[f];
    if (f in changesOf(draftFrom(read), theirs) && f in changesOf(draft, theirs)) clashes.push(f);
  }
  return { draft: next, clashes };
}

/** A field's value for display ("—" when empty). */
export function shown(props: Props, field: EditField): string {
  const v = field === 'aliases' ? list(props.aliases).join(', ') : text(props[field]);
  return v || '—';
}
