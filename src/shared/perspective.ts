/**
 * What a perspective means for one node or relationship: its caption, its main label, its
 * relationship style. Pure and zod-free, shared by the server (captions in every payload) and the
 * explorer (re-captioning at once after a style edit). The schema is in api/perspectives.ts.
 */
import type { LabelStyle, Perspective, RelationshipStyle, ThemeColor } from './api/perspectives';

/** Property names that usually hold what a person would call the thing, best first. */
export const NAME_LIKE = [
  'name',
  'title',
  'caption',
  'label',
  'displayName',
  'display_name',
  'fullName',
  'full_name',
  'username',
  'login',
  'code',
  'statement',
] as const;

/** A property value as caption text: strings (trimmed), finite numbers, lists of those; else ''. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(valueText).filter((x) => x.length > 0);
    return parts.join(', ');
  }
  return '';
}

/**
 * Evaluates a caption spec over properties: `{name} ({born})` fills placeholders (empty when
 * every placeholder is empty); `roles|name` takes the first property that is set; `type` is the
 * relationship type (for relationships). O(spec length).
 */
export function evalCaption(spec: string, props: Readonly<Record<string, unknown>>, type?: string): string {
  if (spec.includes('{')) {
    let filled = 0;
    const out = spec.replace(/\{([^{}]+)\}/g, (_, k: string) => {
      const key = k.trim();
      const t = key === 'type' && type !== undefined && !(key in props) ? type : valueText(props[key]);
      if (t) filled++;
      return t;
    });
    return filled
      ? out
          .replace(/\s+/g, ' ')
          .replace(/\(\s*\)/g, '')
          .trim()
      : '';
  }
  for (const k of spec.split('|')) {
    const key = k.trim();
    if (key === 'type' && type !== undefined && !(key in props)) return type;
    const t = valueText(props[key]);
    if (t) return t;
  }
  return '';
}

/** The local part of an element id ("4:…:17" → "17"). */
export function localId(elementId: string): string {
  const i = elementId.lastIndexOf(':');
  return i >= 0 ? elementId.slice(i + 1) : elementId;
}

/**
 * Without a perspective rule: the most name-like property, else any short text property, else
 * `id`, else "Label #17" — never a whole element id.
 */
export function genericCaption(labels: readonly string[], props: Readonly<Record<string, unknown>>, elementId: string) {
  for (const k of NAME_LIKE) {
    const t = typeof props[k] === 'string' ? (props[k] as string).trim() : '';
    if (t) return t;
  }
  const texts = Object.keys(props)
    .sort()
    .map((k) => (typeof props[k] === 'string' ? (props[k] as string).trim() : ''))
    .filter((t) => t.length > 0 && t.length <= 80);
  if (texts.length) return texts[0]!;
  const id = valueText(props.id);
  if (id) return id;
  return `${labels[0] ?? 'Node'} #${localId(elementId)}`;
}

/** The style of a node's main label: the first label the perspective lists that the node has and the legend shows. */
export function mainLabelStyle(p: Perspective | null, labels: readonly string[]): LabelStyle | null {
  if (!p) return null;
  for (const s of p.labels) if (s.legend && labels.includes(s.label)) return s;
  return null;
}

/** The label a node is coloured and captioned by: the perspective's first, else its first shown label. */
export function mainLabel(p: Perspective | null, labels: readonly string[]): string {
  const s = mainLabelStyle(p, labels);
  if (s) return s.label;
  const hidden = new Set(p?.labels.filter((l) => !l.legend).map((l) => l.label) ?? []);
  return labels.find((l) => !hidden.has(l)) ?? labels[0] ?? '(no label)';
}

/** Labels a node counts under in the legend and filters: all of them but umbrella ones. */
export function legendLabels(p: Perspective | null, labels: readonly string[]): string[] {
  if (!labels.length) return ['(no label)'];
  const hidden = new Set(p?.labels.filter((l) => !l.legend).map((l) => l.label) ?? []);
  const shown = labels.filter((l) => !hidden.has(l));
  return shown.length ? shown : [labels[0]!];
}

/** A node's caption under the perspective (its main label's rule), falling back to the generic one. */
export function nodeCaptionOf(
  p: Perspective | null,
  labels: readonly string[],
  props: Readonly<Record<string, unknown>>,
  elementId: string,
): string {
  const s = mainLabelStyle(p, labels);
  const t = s ? evalCaption(s.caption, props) : '';
  return t || genericCaption(labels, props, elementId);
}

export interface ResolvedRelationshipStyle {
  caption: string;
  color: ThemeColor;
  width: number;
  weight: number;
  family: string | null;
}

export const DEFAULT_EDGE_WIDTH = 1.2;

/** A type's style: its own entry, else its family's, else the "other" colour. O(families × types) once per call. */
export function relationshipStyleOf(p: Perspective | null, type: string): ResolvedRelationshipStyle {
  const own: RelationshipStyle | undefined = p?.relationships.find((r) => r.type === type);
  const fam = p?.families.find((f) => f.types.includes(type));
  return {
    caption: own?.caption ?? 'type',
    color: own?.color ?? fam?.color ?? p?.otherRelationships.color ?? { light: '#b4b4c0', dark: '#5c5c6a' },
    width: own?.width ?? fam?.width ?? DEFAULT_EDGE_WIDTH,
    weight: own?.weight ?? fam?.weight ?? 1,
    family: fam?.name ?? null,
  };
}

/** What is written on a relationship: the perspective's caption rule, else its type. */
export function relationshipCaptionOf(
  p: Perspective | null,
  type: string,
  props: Readonly<Record<string, unknown>>,
): string {
  return captionByRule(relationshipStyleOf(p, type).caption, type, props);
}

/** A relationship's caption from its type's rule (already resolved): the rule's text, else the type. */
export function captionByRule(spec: string, type: string, props: Readonly<Record<string, unknown>>): string {
  return evalCaption(spec, props, type) || type;
}

/**
 * What is written on an edge on the canvas (from its type's resolved rule): the caption, or nothing
 * when the rule is empty (a type repeated on every edge says nothing; hover and detail name it).
 */
export function edgeLabelByRule(spec: string, type: string, props: Readonly<Record<string, unknown>>): string {
  return spec.trim() ? captionByRule(spec, type, props) : '';
}

/** edgeLabelByRule under a perspective. */
export function edgeLabelOf(p: Perspective | null, type: string, props: Readonly<Record<string, unknown>>): string {
  return edgeLabelByRule(relationshipStyleOf(p, type).caption, type, props);
}
