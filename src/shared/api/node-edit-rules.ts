/**
 * What an entity edit may set, in a zod-free module so the web bundle's edit form can check a value
 * before sending it without pulling zod in (the contract in node-edit.ts uses the same rule).
 */

/** Longest quote an edit's `source` may carry, in words: a short attributed quote, not a copied passage. */
export const MAX_QUOTE_WORDS = 30;

/** Why a source quote is refused, or null. */
export function quoteProblem(quote: string): string | null {
  return quote.trim().split(/\s+/).length > MAX_QUOTE_WORDS
    ? `must be at most ${MAX_QUOTE_WORDS} words (a short attributed quote)`
    : null;
}

/** A claim's status as the model knows it (seed/README.md); an editor sets it with a reason. */
export const CLAIM_STATUSES = ['contested', 'unanswered', 'acknowledged', 'uncontested'] as const;
export type ClaimStatusValue = (typeof CLAIM_STATUSES)[number];

/** Labels whose `kind` the model requires (seed/README.md: a place's and an event's kind). */
const KIND_REQUIRED = ['Place', 'Event'];

/**
 * Why a value may not be set, or null: the fields every entity needs (a name, a description, a
 * list of non-empty aliases; `kind` for places and events) cannot be emptied or removed.
 * Without labels, only the checks that hold for every entity.
 */
export function editValueProblem(key: string, value: unknown, labels?: readonly string[]): string | null {
  const text = (v: unknown) => (typeof v === 'string' ? (v.trim() ? null : 'must not be empty') : 'must be text');
  if (key === 'name' || key === 'description') return value === null ? 'must not be empty' : text(value);
  if (key === 'kind' && labels?.some((l) => KIND_REQUIRED.includes(l)))
    return value === null ? 'must not be empty' : text(value);
  if (key === 'aliases' && !(Array.isArray(value) && value.every((a) => typeof a === 'string' && a.trim())))
    return 'must be a list of non-empty names';
  return null;
}
