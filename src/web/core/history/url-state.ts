/**
 * What a deep link carries, and its (de)serialisation. Pure: works on query strings, not on
 * `window.location`, so it is unit-tested in Node.
 *
 *   ?focus=vyacheslav-gladkov&expand=vyacheslav-gladkov&expand=belgorod
 *   &query=person-profile&p.person=vyacheslav-gladkov&run=1
 *   &cypher=MATCH…   (an ad-hoc query instead of a saved one)
 *   &path=a&path=b   (a path search between two nodes)
 *   &hl=Article      (labels toggled off in the legend)
 *   &limit=25        ("Expand up to": neighbours fetched per expansion, when not the default)
 *   &mode=claims     (the claims board, or `map`, open over the graph)
 *   &contested=1     (the claims board shows only contested events)
 *   &quote=express-…:120-180   (the evidence reader open on this quote: article key, offsets)
 *   &v=1.eJy…        (the view's recipe, compressed: core/history/recipe.ts — layers, hidden
 *                     nodes, pins, timeline, view; when present it rebuilds the view and
 *                     `expand`/`path`/`run` are only there to be read)
 *   &vid=Ab3…        (instead of `v` for a recipe too long for a link: the id of the recipe
 *                     saved on the server, POST /api/views)
 *
 * Nodes are referenced by our own `id` property when they have one (readable, stable across
 * reloads of the database), else by element id.
 */
import { EXPAND_LIMITS } from '../expansion/actions';

export interface UrlState {
  focus?: string;
  expand: string[];
  /** Saved query name open in the drawer. */
  query?: string;
  /** Its parameters, as typed in the form (strings; the API validates and converts). */
  params: Record<string, string>;
  /** Ad-hoc Cypher open in the drawer. */
  cypher?: string;
  /** Whether the open query had been run (so opening the link runs it again). */
  run: boolean;
  paths?: [string, string];
  hiddenLabels: string[];
  /** "Expand up to": one of EXPAND_LIMITS (anything else in a link is ignored). */
  expandLimit?: number;
  /** The main area shows the map or the claims board (the graph when absent). */
  mode?: 'map' | 'claims';
  /** The claims board's "Only contested events" (written with the board only). */
  contested?: true;
  /** The quote open in the evidence reader. */
  quote?: QuoteRef;
  /** The encoded recipe of the view (core/history/recipe.ts). */
  view?: string;
  /** The id of a recipe too long for a link, saved on the server. */
  savedView?: string;
  /** A `vid` that is no saved view's id (mistyped, cut short): read only to say so. */
  badView?: string;
  /** A recipe too long for a link and not saved (yet): never written into the URL. */
  longView?: string;
}

/** A quote in its article, as the evidence reader opens it. */
export interface QuoteRef {
  article: string;
  start: number;
  end: number;
}

/** `article:start-end`; the article key may itself hold colons (the offsets are the last part). */
const QUOTE = /^(.+):(\d{1,9})-(\d{1,9})$/;

function quoteOf(raw: string | null): QuoteRef | undefined {
  const m = raw ? QUOTE.exec(raw) : null;
  if (!m) return undefined;
  const start = Number(m[2]);
  const end = Number(m[3]);
  return end > start ? { article: m[1]!, start, end } : undefined;
}

export const EMPTY_URL_STATE: UrlState = { expand: [], params: {}, run: false, hiddenLabels: [] };

/** Longest ad-hoc query kept in a link; longer ones are left out rather than producing a broken URL. */
export const MAX_CYPHER_IN_URL = 4000;

/** The form of a saved view's id (shared/api/views.ts). */
const SAVED_VIEW_ID = /^[A-Za-z0-9_-]{22}$/;

export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const out: UrlState = { expand: [], params: {}, run: false, hiddenLabels: [] };
  const focus = q.get('focus');
  if (focus) out.focus = focus;
  out.expand = [...new Set(q.getAll('expand').filter(Boolean))];
  const query = q.get('query');
  if (query) out.query = query;
  const cypher = q.get('cypher');
  if (cypher && !query) out.cypher = cypher;
  for (const [k, v] of q) {
    if (k.startsWith('p.') && k.length > 2) out.params[k.slice(2)] = v;
  }
  out.run = q.get('run') === '1';
  const ends = q.getAll('path').filter(Boolean);
  if (ends.length === 2 && ends[0] !== ends[1]) out.paths = [ends[0]!, ends[1]!];
  out.hiddenLabels = [...new Set(q.getAll('hl').filter(Boolean))];
  const limit = expandLimitOf(q.get('limit'));
  if (limit !== undefined) out.expandLimit = limit;
  const mode = q.get('mode');
  if (mode === 'map' || mode === 'claims') out.mode = mode;
  if (out.mode === 'claims' && q.get('contested') === '1') out.contested = true;
  const quote = quoteOf(q.get('quote'));
  if (quote) out.quote = quote;
  const view = q.get('v');
  if (view) out.view = view;
  const saved = q.get('vid');
  if (saved && !view) {
    if (SAVED_VIEW_ID.test(saved)) out.savedView = saved;
    else out.badView = saved;
  }
  return out;
}

/** A page size from a link: only the choices the explorer offers (a typed URL may say anything). */
function expandLimitOf(raw: string | null): number | undefined {
  if (raw === null || !/^\d{1,4}$/.test(raw)) return undefined;
  const n = Number(raw);
  return (EXPAND_LIMITS as readonly number[]).includes(n) ? n : undefined;
}

/** The query string (with "?", or "" when there is nothing to carry). Stable key order. */
export function formatUrlState(s: UrlState): string {
  const q = new URLSearchParams();
  if (s.focus) q.set('focus', s.focus);
  for (const e of s.expand) q.append('expand', e);
  if (s.paths) {
    q.append('path', s.paths[0]);
    q.append('path', s.paths[1]);
  }
  const cypher = s.cypher && s.cypher.length <= MAX_CYPHER_IN_URL ? s.cypher : undefined;
  if (s.query) q.set('query', s.query);
  else if (cypher) q.set('cypher', cypher);
  if (s.query || cypher) {
    for (const k of Object.keys(s.params).sort()) q.set(`p.${k}`, s.params[k]!);
    if (s.run) q.set('run', '1');
  }
  for (const l of s.hiddenLabels) q.append('hl', l);
  if (s.expandLimit !== undefined) q.set('limit', String(s.expandLimit));
  if (s.mode) q.set('mode', s.mode);
  if (s.mode === 'claims' && s.contested) q.set('contested', '1');
  if (s.quote) q.set('quote', `${s.quote.article}:${s.quote.start}-${s.quote.end}`);
  if (s.view) q.set('v', s.view);
  else if (s.savedView) q.set('vid', s.savedView);
  const str = q.toString();
  return str ? `?${str}` : '';
}

/** Whether two states describe the same view (used to avoid redundant history writes). */
export function sameUrlState(a: UrlState, b: UrlState): boolean {
  return formatUrlState(a) === formatUrlState(b);
}
