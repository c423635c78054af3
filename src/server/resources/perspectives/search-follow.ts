/**
 * A perspective a user saved from a repository file (a restyle, say) keeps the file's search as
 * the file grows. The style editor saves the whole perspective, its search lists included, so a
 * copy saved before the file listed a new index (claims' statements, articles' titles) would
 * otherwise never search what the file now does, and nothing would say why. While the copy's
 * lists are part of the file's, they are the file's as it was: search follows the file (its lists,
 * its placeholder, and the search filters it offers since). A list with an index or property of
 * the user's own is theirs, and kept as it is. Pure.
 */
import type { Perspective } from '../../../shared/api/perspectives';

const within = (part: readonly string[], whole: readonly string[]) => part.every((x) => whole.includes(x));
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && within(a, b);

/** `saved` with the search of `file` when it has not made search its own; else `saved` itself. */
export function followFileSearch(saved: Perspective, file: Perspective | null): Perspective {
  if (!file) return saved;
  const s = saved.search;
  const f = file.search;
  if (!within(s.indexes, f.indexes) || !within(s.properties, f.properties)) return saved;
  if (same(s.indexes, f.indexes) && same(s.properties, f.properties)) return saved;
  // A filter the file offers now and did not then: the label's index is one the copy did not list.
  const offered = new Set(file.labels.filter((l) => l.searchFilter).map((l) => l.label));
  return {
    ...saved,
    labels: saved.labels.map((l) => (!l.searchFilter && offered.has(l.label) ? { ...l, searchFilter: true } : l)),
    search: { ...s, indexes: [...f.indexes], properties: [...f.properties], placeholder: f.placeholder },
  };
}
