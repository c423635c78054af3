import { describe, expect, it } from 'vitest';
import { expanded, hideNodes, pinNode } from '../../../../../src/web/core/expansion/actions';
import { addLayer, EMPTY_GRAPH } from '../../../../../src/web/core/graph/graph-store';
import { graphOf } from '../../../../../src/web/core/history/actions';
import { startHistory } from '../../../../../src/web/core/history/history';
import {
  decodeRecipe,
  encodeRecipe,
  isPlainOverview,
  recipeOf,
  type ViewRecipe,
} from '../../../../../src/web/core/history/recipe';
import { urlStateOf } from '../../../../../src/web/core/history/url';
import { formatUrlState, parseUrlState } from '../../../../../src/web/core/history/url-state';
import { initialState, type AppState } from '../../../../../src/web/core/state';
import { neo4jIds } from '../../../../support/fixtures';

const { node, edge } = neo4jIds;

/** A page that ran an ad-hoc query (with its source recorded), as the explorer does. */
function afterQuery(): AppState {
  const s = initialState('light');
  const g = addLayer(
    EMPTY_GRAPH,
    { nodes: [node('dmitry-peskov')], edges: [] },
    {
      kind: 'query',
      title: 'Peskov',
      source: { kind: 'query', cypher: "MATCH (p:Person {id:'dmitry-peskov'}) RETURN p", params: {} },
    },
  );
  return { ...s, history: startHistory(g, 'Query'), loading: false };
}

const recipeOfState = (s: AppState) =>
  recipeOf({ graph: graphOf(s), filters: s.filters, timeMode: s.timeline.mode, view: s.view.mode });

describe('the view recipe of a link', () => {
  it('lists every layer with its request, "+N more" pages in order, hidden nodes and pins by our key', () => {
    let s = afterQuery();
    s = expanded(
      '4:db:dmitry-peskov',
      { nodes: [node('kremlin', ['Organization']), node('russia', ['Place'])], edges: [] },
      { SPOKESPERSON_OF: 3 },
      'Expanded Peskov',
      [],
      { source: { kind: 'expand', ref: 'dmitry-peskov', pages: [{ skip: 0, limit: 10 }] } },
    )(s);
    s = expanded(
      '4:db:dmitry-peskov',
      { nodes: [node('putin')], edges: [edge('pp', 'SPOKESPERSON_OF', 'dmitry-peskov', 'putin')] },
      { SPOKESPERSON_OF: 0 },
      'More',
      [],
      {
        source: { kind: 'expand', ref: 'dmitry-peskov', pages: [{ type: 'SPOKESPERSON_OF', skip: 10, limit: 10 }] },
      },
    )(s);
    s = hideNodes(['4:db:russia'])(s);
    s = pinNode('4:db:kremlin', true, { x: 12.3456, y: -7.891 })(s);
    s = { ...s, filters: { ...s.filters, range: { from: '2023-01-01', to: '2023-06-30' }, hideOutside: true } };

    const r = recipeOfState(s)!;
    expect(r.layers).toEqual([
      { kind: 'query', cypher: "MATCH (p:Person {id:'dmitry-peskov'}) RETURN p", params: {} },
      {
        kind: 'expand',
        ref: 'dmitry-peskov',
        pages: [
          { skip: 0, limit: 10 },
          { type: 'SPOKESPERSON_OF', skip: 10, limit: 10 },
        ],
      },
    ]);
    expect(r.hidden).toEqual(['russia']);
    expect(r.pins).toEqual({ kremlin: [12.35, -7.89] });
    expect(r.time).toEqual({ from: '2023-01-01', to: '2023-06-30', hideOutside: true });

    // Through the URL and back, unchanged; the link stays short.
    const qs = formatUrlState(urlStateOf(s));
    const back = decodeRecipe(parseUrlState(qs).view!);
    expect(back).toEqual(r);
    expect(qs.length).toBeLessThan(600);
  });

  it('leaves the plain overview out of links, and gives up on layers it cannot fetch again', () => {
    const s = initialState('light');
    const overview = addLayer(
      EMPTY_GRAPH,
      { nodes: [node('a')], edges: [] },
      { kind: 'overview', title: 'Overview', source: { kind: 'overview' } },
    );
    const plain = { ...s, history: startHistory(overview, 'Overview'), loading: false };
    expect(isPlainOverview(recipeOfState(plain)!)).toBe(true);
    expect(parseUrlState(formatUrlState(urlStateOf(plain))).view).toBeUndefined();
    const unknown = addLayer(overview, { nodes: [node('b')], edges: [] }, { kind: 'node', title: 'B' });
    expect(recipeOfState({ ...plain, history: startHistory(unknown, 'B') })).toBeNull();
  });

  it('refuses damaged or hand-made recipes', () => {
    const good: ViewRecipe = { layers: [{ kind: 'node', ref: 'a' }], pins: { a: [1, 2] } };
    expect(decodeRecipe(encodeRecipe(good))).toEqual(good);
    expect(decodeRecipe('1.not-deflate')).toBeNull();
    expect(decodeRecipe(`2.${encodeRecipe(good).slice(2)}`)).toBeNull();
    const bad = (r: unknown) => decodeRecipe(encodeRecipe(r as ViewRecipe));
    expect(bad({ layers: [{ kind: 'drop-database' }] })).toBeNull();
    expect(bad({ layers: [{ kind: 'expand', ref: 'a', pages: [{ skip: 'x', limit: 1 }] }] })).toBeNull();
    expect(bad({ layers: [], pins: { a: [1] } })).toBeNull();
    expect(bad({ layers: [], view: 'table' })).toBeNull();
  });
});
