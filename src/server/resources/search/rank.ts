/**
 * How a search page shares its places between kinds of hits, and how many of a kind an index
 * needs to return for that (so a page of 12 never reads 12 whole claims it then drops). Pure.
 */
import type { SearchHit, SearchHitKind } from '../../../shared/api/search';
import type { IndexInfo } from '../../db/catalog';

/** The label of newsgraph's claims: a hit with it is a claim, found by what it says (its statement). */
export const CLAIM = 'Claim';
/** The label of newsgraph's articles: a hit with it is an article, found by its title or outlet. */
export const ARTICLE = 'Article';

/**
 * A node with the claim label is a claim hit, one with the article label an article hit (the explorer
 * shows each as such); any other, a node.
 */
export const kindOf = (labels: readonly string[]): SearchHitKind =>
  labels.includes(CLAIM) ? 'claim' : labels.includes(ARTICLE) ? 'article' : 'node';

/** What an index returns: claims or articles when it covers only that label, else any node. */
export const indexKind = (i: IndexInfo): SearchHitKind =>
  i.labelsOrTypes.length === 1 ? kindOf(i.labelsOrTypes) : 'node';

type Counts = Record<SearchHitKind, number>;

/**
 * How many of each kind the page keeps, given how many were found: nodes first, then articles,
 * then claims, but claims keep a third of the places and articles a fifth (or what the nodes leave).
 */
export function shares(found: Counts, limit: number): Counts {
  const forArticles = Math.min(found.article, Math.floor(limit / 5));
  const forClaims = Math.min(found.claim, Math.floor(limit / 3));
  const node = Math.min(found.node, limit - forArticles - forClaims);
  const article = Math.min(found.article, limit - node - forClaims);
  return { node, article, claim: Math.min(found.claim, limit - node - article) };
}

/**
 * How many hits of `kind` a page could keep, knowing what the indexes asked before found (each node
 * once, by element id; kinds not asked yet count as none). Asking an index for more could not change the page: its first
 * hits in its own order are the ones the page keeps.
 */
export function room(kind: SearchHitKind, before: ReadonlyMap<string, SearchHitKind>, limit: number): number {
  const found: Counts = { node: 0, article: 0, claim: 0 };
  for (const k of before.values()) found[k] += 1;
  found[kind] = limit;
  return shares(found, limit)[kind];
}

/** Indexes in the order `room` needs: node indexes, then articles', then claims'. */
export const byKind = (indexes: readonly IndexInfo[]): IndexInfo[] => {
  const order: SearchHitKind[] = ['node', 'article', 'claim'];
  return [...indexes].sort((a, b) => order.indexOf(indexKind(a)) - order.indexOf(indexKind(b)));
};

/**
 * The page: exact matches first, then other nodes, then articles, then claims, each in its own order.
 * Claims are many and long, so a word of a name ("Gladkov") also occurs in several; article titles
 * are short, so Lucene scores a name in one ("Belgorod") as high as the entity, and one outlet has
 * many articles. Both come after the nodes, so a name still finds its entity first, but keep places
 * (`shares`) so a phrase of one finds it. Articles go before claims: a title is few words the
 * journalist types as they read it, and there are fewer.
 * Exact matches move up last, in that same order, so an exact entity stays above an exact title.
 */
export function arrange(hits: readonly SearchHit[], limit: number): SearchHit[] {
  const of = (k: SearchHitKind) => hits.filter((h) => h.kind === k);
  const [nodes, articles, claims] = [of('node'), of('article'), of('claim')];
  const kept = shares({ node: nodes.length, article: articles.length, claim: claims.length }, limit);
  const page = [...nodes.slice(0, kept.node), ...articles.slice(0, kept.article), ...claims.slice(0, kept.claim)];
  return page.sort((x, y) => Number(y.exact) - Number(x.exact));
}
