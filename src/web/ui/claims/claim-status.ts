/**
 * The state of the claim status form (EditClaimStatus.tsx), pure so it is unit-tested in Node:
 * which nodes it applies to, the draft, what stops a save (the server checks the same), what a
 * save sends, and where a server 400 is shown.
 */
import type { ClaimsResponse, ClaimStatusBody } from '../../../shared/api';
import { CLAIM_STATUSES, quoteProblem, type ClaimStatusValue } from '../../../shared/api/node-edit-rules';
import { earliestPublished, formatCitation } from '../citation';
import { versionOf } from '../detail/entity-edit';

export interface StatusDraft {
  status: string;
  reason: string;
  /** The article the new status rests on (its id) and the quote from it: both or neither. */
  article: string;
  quote: string;
}

export type StatusField = 'status' | 'reason' | 'article' | 'quote';
export type StatusProblems = Partial<Record<StatusField | 'form', string>>;

const isStatus = (s: string): s is ClaimStatusValue => (CLAIM_STATUSES as readonly string[]).includes(s);

export function statusDraft(current: string | null): StatusDraft {
  return { status: current ?? '', reason: '', article: '', quote: '' };
}

/** What stops a save, by field. */
export function statusProblems(d: StatusDraft, current: string | null): StatusProblems {
  const out: StatusProblems = {};
  if (!isStatus(d.status)) out.status = `pick one of ${CLAIM_STATUSES.join(', ')}`;
  else if (d.status === current) out.form = 'That is its status already.';
  const reason = d.reason.trim();
  if (!reason) out.reason = 'say why (kept in the audit trail)';
  else if (reason.length > 500) out.reason = 'at most 500 characters';
  const article = d.article.trim();
  const quote = d.quote.trim();
  if (article && !quote) out.quote = 'give the quote from the article too';
  else if (quote && !article) out.article = 'give the article the quote is from';
  else if (quote) {
    const problem = quoteProblem(quote);
    if (problem) out.quote = problem;
  }
  return out;
}

/** The body of PUT /api/claims/{id}/status for the version read. */
export function statusBody(d: StatusDraft, version: number): ClaimStatusBody {
  const body: ClaimStatusBody = { version, status: d.status as ClaimStatusValue, reason: d.reason.trim() };
  if (d.article.trim() && d.quote.trim()) body.source = { article: d.article.trim(), quote: d.quote.trim() };
  return body;
}

const FIELD_OF: Record<string, StatusField> = {
  'body.status': 'status',
  'body.reason': 'reason',
  'body.source.article': 'article',
  'body.source.quote': 'quote',
};

/** Where a 400 belongs: the field the server names (its message without the prefix), else the form. */
export function statusProblemFromServer(param: string | undefined, message: string): StatusProblems {
  const field = param ? FIELD_OF[param] : undefined;
  if (!field) return { form: message };
  return { [field]: message.startsWith(`${param}: `) ? message.slice(param!.length + 2) : message };
}

/** A claim node's status and version when this app loaded it (a dataset): what an edit starts from; else null. */
export function claimEditOf(node: {
  labels: readonly string[];
  properties: Readonly<Record<string, unknown>>;
}): { status: string | null; version: number } | null {
  const p = node.properties;
  if (!node.labels.includes('Claim') || p.dataset === undefined || p.dataset === null) return null;
  return { status: typeof p.status === 'string' ? p.status : null, version: versionOf(p) };
}

/** An article the form offers as the source of a new status: its id (what the save sends) and its citation. */
export interface ArticleChoice {
  key: string;
  label: string;
  published: string | null;
}

/**
 * The articles that the claims on these boards (one per event the claim is about) rest on, each
 * once, oldest first: where the answer or retraction that changes a status is usually reported.
 */
export function citedArticles(boards: readonly Pick<ClaimsResponse, 'events'>[]): ArticleChoice[] {
  const out = new Map<string, ArticleChoice>();
  for (const c of boards.flatMap((b) => b.events.flatMap((e) => e.groups.flatMap((g) => g.claims)))) {
    const a = c.evidence?.article;
    if (!a || out.has(a.key)) continue;
    out.set(a.key, {
      key: a.key,
      label: formatCitation({ ...a, title: a.title ?? a.key }),
      published: earliestPublished(a),
    });
  }
  return [...out.values()].sort(
    (x, y) => (x.published ?? '9999').localeCompare(y.published ?? '9999') || x.label.localeCompare(y.label),
  );
}
