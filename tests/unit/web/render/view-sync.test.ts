import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, GraphPayload } from '../../../../src/shared/graph';
import {
  EMPTY_GRAPH,
  collapse,
  expand,
  hide,
  replaceWith,
  setPinned,
  unhideAll,
  visibleGraph,
  type GraphState,
} from '../../../../src/web/core/graph/graph-store';
import type { Theme } from '../../../../src/web/core/shell/actions';
import { createRenderGraph, syncRenderGraph, type RenderGraph } from '../../../../src/web/render/render-graph';
import { syncView } from '../../../../src/web/render/view-sync';
import { edge, node } from '../../../support/fixtures';
import { withActivePerspective } from '../../../support/perspectives';

withActivePerspective();

const LABELS = [['Person', 'Entity'], ['Place', 'Entity'], ['Event'], ['Article']];
const NO_LABELS: ReadonlySet<string> = new Set();
const NO_PLACES: ReadonlySet<string> = new Set(['Place']);

/** Node objects by id and data: a page may bring the very object already loaded, or fresh data. */
const made = new Map<string, GraphNode>();
function nodeOf(id: number, labels: string[], name?: string): GraphNode {
  const k = `${id}|${labels.join()}|${name}`;
  if (!made.has(k)) made.set(k, node(`n${id}`, labels, name ? { name } : {}));
  return made.get(k)!;
}

/** A page of `anchor`'s neighbours: some new, some loaded (with fresh data: another caption or label), parallel edges. */
function page(anchor: number, picks: Array<[number, number, number]>, round: number): GraphPayload {
  const nodes = [nodeOf(anchor, LABELS[anchor % LABELS.length]!)];
  const edges = [];
  // (An edge id always joins the same two nodes, as in Neo4j.)
  for (const [i, [t, kind, other]] of picks.entries()) {
    nodes.push(nodeOf(t, LABELS[(t + kind) % LABELS.length]!, `n${t} r${round % 3}`));
    edges.push(edge(`e${anchor}-${t}-${kind % 2}`, kind % 2 ? 'GOVERNOR_OF' : 'MENTIONS', `n${anchor}`, `n${t}`));
    // A link among the page's nodes, either way (parallel and opposite edges).
    const to = picks[other % picks.length]![0];
    if (kind === 2) edges.push(edge(`x${t}-${to}-${i % 2}`, 'OCCURRED_IN', `n${t}`, `n${to}`));
  }
  return { nodes, edges };
}

/** Everything sigma draws from: nodes and edges in order, with their attributes and ends. */
function drawn(graph: RenderGraph) {
  return graph.export();
}

type Step =
  | { kind: 'expand'; anchor: number; picks: Array<[number, number, number]> }
  | { kind: 'undo'; back: number }
  | { kind: 'hide' | 'pin' | 'collapse'; id: number }
  | { kind: 'unhide' | 'labels' | 'theme' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('expand' as const),
      anchor: fc.integer({ min: 0, max: 40 }),
      picks: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3 }), fc.nat(9)), {
        maxLength: 12,
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), back: fc.integer({ min: 1, max: 4 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('hide' as const, 'pin' as const, 'collapse' as const),
      id: fc.integer({ min: 0, max: 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('unhide' as const, 'labels' as const, 'theme' as const) }),
  },
);

describe('render sync by change (an expansion visits only what it added)', () => {
  it('gives the same render graph as the full sync after any sequence of steps (property)', () => {
    let byChange = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 25 }), (steps) => {
        made.clear();
        // One pipeline syncs as the app does (by change when it can), the other always the whole view.
        const incremental = createRenderGraph();
        const full = createRenderGraph();
        const positions = [new Map(), new Map()] as const;
        const overview = page(
          0,
          [
            [1, 0, 0],
            [2, 1, 0],
            [3, 2, 0],
          ],
          0,
        );
        const history: GraphState[] = [replaceWith(EMPTY_GRAPH, overview, { kind: 'overview', title: 'Overview' })];
        let labels = NO_LABELS;
        let theme: Theme = 'light';
        let shown: GraphState | null = null;
        const sync = () => {
          const g = history[history.length - 1]!;
          const r = syncView(incremental, shown, g, labels, { theme, pinned: g.pinned, positions: positions[0] });
          if (r.by === 'change') byChange++;
          syncRenderGraph(full, visibleGraph(g, labels), { theme, pinned: g.pinned, positions: positions[1] });
          shown = g;
          expect(drawn(incremental)).toEqual(drawn(full));
        };
        sync();
        for (const [round, step] of steps.entries()) {
          const g = history[history.length - 1]!;
          if (step.kind === 'expand') {
            // "Connect result nodes": links from the page's nodes to others already loaded.
            const p = page(step.anchor, step.picks, round);
            const loaded = [...g.nodes.keys()];
            const connecting: GraphEdge[] = p.nodes.map((n, i) => {
              const to = loaded[(step.anchor + i * 7) % loaded.length]!;
              return edge(`c${n.id}-${to}`, 'LOCATED_IN', n.id, to);
            });
            history.push(expand(g, `n${step.anchor}`, p, {}, 'x', connecting));
          } else if (step.kind === 'undo') history.splice(Math.max(1, history.length - step.back));
          else if (step.kind === 'hide') history.push(hide(g, [`n${step.id}`]));
          else if (step.kind === 'pin') history.push(setPinned(g, `n${step.id}`, true, { x: step.id, y: 0 }));
          else if (step.kind === 'collapse') history.push(collapse(g, `n${step.id}`));
          else if (step.kind === 'unhide') history.push(unhideAll(g));
          else if (step.kind === 'labels') labels = labels === NO_LABELS ? NO_PLACES : NO_LABELS;
          else theme = theme === 'light' ? 'dark' : 'light';
          sync();
        }
      }),
      { numRuns: 150 },
    );
    // (The change path was taken, so the comparison above covers it.)
    expect(byChange).toBeGreaterThan(300);
  });

  it('falls back to the full sync when the graph was synced from elsewhere since', () => {
    const graph = createRenderGraph();
    const opts = { theme: 'light' as const, pinned: new Set<string>(), positions: new Map() };
    const s0 = replaceWith(EMPTY_GRAPH, page(0, [[1, 0, 0]], 0), { kind: 'overview', title: 'Overview' });
    const s1 = expand(s0, 'n1', page(1, [[2, 0, 0]], 0), {}, 'x');
    const s2 = expand(s1, 'n2', page(2, [[3, 0, 0]], 0), {}, 'x');
    expect(syncView(graph, null, s0, NO_LABELS, opts).by).toBe('view');
    expect(syncView(graph, s0, s1, NO_LABELS, opts).by).toBe('change');
    // Another filter in between, or a view not told its source: the next step cannot trust the graph.
    syncView(graph, s1, s1, NO_PLACES, opts);
    expect(syncView(graph, s1, s2, NO_LABELS, opts).by).toBe('view');
    syncRenderGraph(graph, visibleGraph(s1), opts);
    expect(syncView(graph, s1, s2, NO_LABELS, opts).by).toBe('view');
    expect(graph.nodes().sort()).toEqual(['n0', 'n1', 'n2', 'n3']);
  });
});
