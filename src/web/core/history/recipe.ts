/**
 * A view as a recipe a link can carry: how each layer of the graph was fetched (the overview, a
 * query with its parameters, expansions page by page, paths, single nodes, a node with its
 * relationships to given nodes: what a merge or its undo drew), which nodes are
 * hidden and pinned where, the timeline's filters and the view (graph, map, claims). Replaying it
 * on a fresh page (app/link.ts) rebuilds the same node set; the link holds it compressed
 * (deflate, base64url) in one parameter. Pure (unit-tested in Node).
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { nodeRef, type GraphState, type LayerSource } from '../graph/graph-store';
import type { InvestigationFilters } from '../filters/filter';
import type { TimeMode } from '../timeline/actions';

export interface ViewRecipe {
  /** The layers in order; the first one replaces whatever the page shows. */
  layers: LayerSource[];
  /** Hidden nodes, by reference. */
  hidden?: string[];
  /** Pinned nodes: reference → graph position [x, y]. */
  pins?: Record<string, [number, number]>;
  time?: { from?: string; to?: string; hideOutside?: true; asOf?: string; reported?: true; singleSource?: true };
  view?: 'map' | 'claims';
}

/** Longest encoded recipe written into a link; a larger view falls back (see app/url.ts). */
export const MAX_RECIPE_CHARS = 6000;

const round = (v: number) => Math.round(v * 100) / 100;

export interface RecipeInputs {
  graph: GraphState;
  filters: InvestigationFilters;
  timeMode: TimeMode;
  view: 'graph' | 'map' | 'claims';
}

/**
 * The recipe of a view, or null when its layers cannot all be fetched again (a layer made
 * before sources were recorded). O(layers + hidden + pins).
 */
export function recipeOf(s: RecipeInputs): ViewRecipe | null {
  const g = s.graph;
  const layers: LayerSource[] = [];
  for (const l of g.layers) {
    if (!l.source) return null;
    layers.push(l.source);
  }
  const ref = (id: string) => {
    const n = g.nodes.get(id);
    return n ? nodeRef(n) : id;
  };
  const out: ViewRecipe = { layers };
  if (g.hidden.size) out.hidden = [...g.hidden].map(ref).sort();
  const pins: Record<string, [number, number]> = {};
  for (const id of g.pinned) {
    const at = g.pinnedAt?.get(id);
    if (at) pins[ref(id)] = [round(at.x), round(at.y)];
  }
  if (Object.keys(pins).length) out.pins = pins;
  const f = s.filters;
  const time: NonNullable<ViewRecipe['time']> = {};
  if (f.range) {
    time.from = f.range.from;
    time.to = f.range.to;
    if (f.hideOutside) time.hideOutside = true;
  }
  if (f.asOf) time.asOf = f.asOf;
  if (s.timeMode === 'reported') time.reported = true;
  if (f.hideSingleSource) time.singleSource = true;
  if (Object.keys(time).length) out.time = time;
  if (s.view !== 'graph') out.view = s.view;
  return out;
}

/** Whether the recipe is just the overview, as a page opens anyway (no need to carry it). */
export function isPlainOverview(r: ViewRecipe): boolean {
  return r.layers.length === 1 && r.layers[0]!.kind === 'overview' && !r.hidden && !r.pins && !r.time && !r.view;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** "1." + base64url(deflate(JSON)). O(size). */
export function encodeRecipe(r: ViewRecipe): string {
  return `1.${toBase64Url(deflateSync(strToU8(JSON.stringify(r)), { level: 9 }))}`;
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

function validLayer(l: unknown): l is LayerSource {
  if (!l || typeof l !== 'object') return false;
  const x = l as Record<string, unknown>;
  switch (x.kind) {
    case 'overview':
      return true;
    case 'query':
      return (isStr(x.query) || isStr(x.cypher)) && !!x.params && typeof x.params === 'object';
    case 'expand':
      return (
        isStr(x.ref) &&
        Array.isArray(x.pages) &&
        x.pages.every(
          (p: unknown) =>
            !!p &&
            typeof (p as { skip?: unknown }).skip === 'number' &&
            typeof (p as { limit?: unknown }).limit === 'number' &&
            ((p as { type?: unknown }).type === undefined || isStr((p as { type?: unknown }).type)),
        )
      );
    case 'paths':
      return isStr(x.from) && isStr(x.to) && isStrArr(x.exclude);
    case 'node':
      return isStr(x.ref);
    case 'around':
      return isStr(x.ref) && isStrArr(x.ends);
    default:
      return false;
  }
}

/** The recipe in a link, or null when it is not one of ours (damaged, hand-edited, newer). */
export function decodeRecipe(s: string): ViewRecipe | null {
  if (!s.startsWith('1.')) return null;
  let r: unknown;
  try {
    r = JSON.parse(strFromU8(inflateSync(fromBase64Url(s.slice(2)))));
  } catch {
    return null;
  }
  if (!r || typeof r !== 'object') return null;
  const x = r as Record<string, unknown>;
  if (!Array.isArray(x.layers) || !x.layers.every(validLayer)) return null;
  if (x.hidden !== undefined && !isStrArr(x.hidden)) return null;
  if (x.pins !== undefined) {
    if (!x.pins || typeof x.pins !== 'object') return null;
    for (const v of Object.values(x.pins))
      if (!Array.isArray(v) || v.length !== 2 || !v.every((n) => typeof n === 'number' && Number.isFinite(n)))
        return null;
  }
  if (x.view !== undefined && x.view !== 'map' && x.view !== 'claims') return null;
  if (x.time !== undefined && (!x.time || typeof x.time !== 'object')) return null;
  return r as ViewRecipe;
}
