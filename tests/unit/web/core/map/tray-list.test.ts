import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../../../src/shared/graph';
import { computeDecorations } from '../../../../../src/web/core/filters/decorations';
import { NO_FILTERS } from '../../../../../src/web/core/filters/filter';
import { geoLayout } from '../../../../../src/web/core/map/geo-layout';
import { filterTrayRows, trayRows } from '../../../../../src/web/core/map/tray-list';
import { graph } from '../../../../support/fixtures';

const node = (id: string, caption: string, label: string): GraphNode => ({
  id,
  key: null,
  labels: [label],
  caption,
  properties: {},
});

describe('trayRows', () => {
  const nodes = new Map(
    [
      node('a', 'zeta', 'Person'),
      node('b', 'Alpha', 'Organization'),
      node('c', 'beta', 'Person'),
      node('d', 'Dmitry Peskov', 'Person'),
    ].map((n) => [n.id, n]),
  );
  const degree: Record<string, number> = { a: 1, b: 1, c: 1, d: 7 };
  const rows = trayRows(
    ['a', 'b', 'c', 'd', 'gone'],
    (id) => nodes.get(id),
    (n) => n.labels[0]!,
    (id) => degree[id] ?? 0,
  );

  it('lists the tray nodes that are in the graph: best connected first, then by name (case aside)', () => {
    expect(rows.map((r) => r.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(rows[0]).toEqual({ id: 'd', caption: 'Dmitry Peskov', label: 'Person', degree: 7 });
  });

  it('leaves out the nodes the filters hide, and lists them again once shown', () => {
    const list = (hidden?: ReadonlySet<string>) =>
      trayRows(
        ['a', 'b', 'c', 'd'],
        (id) => nodes.get(id),
        (n) => n.labels[0]!,
        (id) => degree[id] ?? 0,
        hidden,
      ).map((r) => r.id);
    expect(list(new Set(['d', 'c', 'elsewhere']))).toEqual(['b', 'a']);
    expect(list(new Set(['a', 'b', 'c', 'd']))).toEqual([]);
    expect(list(new Set())).toEqual(['d', 'b', 'c', 'a']);
    expect(list()).toEqual(['d', 'b', 'c', 'a']);
  });

  it('filters by every word, in caption or label, case and accents folded, keeping the order', () => {
    expect(filterTrayRows(rows, '').length).toBe(4);
    expect(filterTrayRows(rows, '  ')).toBe(rows);
    expect(filterTrayRows(rows, 'PERSON').map((r) => r.id)).toEqual(['d', 'c', 'a']);
    expect(filterTrayRows(rows, 'person eta').map((r) => r.id)).toEqual(['c', 'a']);
    expect(filterTrayRows(rows, 'péskov').map((r) => r.id)).toEqual(['d']);
    expect(filterTrayRows(rows, 'nobody')).toEqual([]);
  });

  it('holds exactly the layout tray of the fixture graph', () => {
    const layout = geoLayout(graph);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const list = trayRows(
      layout.trayNodes,
      (id) => byId.get(id),
      (n) => n.labels[0]!,
      () => 0,
    );
    const tray = [...layout.positions].filter(([, p]) => p.placement === 'tray').map(([id]) => id);
    expect(tray.length).toBeGreaterThan(0);
    expect(list.map((r) => r.id).sort()).toEqual(tray.sort());
  });

  it('follows the timeline\'s "Hide the rest": the tray keeps its slots, the list only what is drawn', () => {
    const layout = geoLayout(graph);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const decorate = (hideOutside: boolean) =>
      computeDecorations(graph, {
        filters: { ...NO_FILTERS, range: { from: '2023-01-01', to: '2023-12-31' }, hideOutside },
        published: new Map([
          ['express', '2022-10-13'],
          ['wsj', '2023-04-21'],
        ]),
        flagged: [],
        map: true,
        baseEdgeSize: 1,
      });
    const list = (hidden: ReadonlySet<string>) =>
      trayRows(
        layout.trayNodes,
        (id) => byId.get(id),
        (n) => n.labels[0]!,
        () => 0,
        hidden,
      ).map((r) => r.id);
    const hidden = decorate(true).hideNodes;
    const shown = list(hidden);
    // 2023: the Su-34 release's claim, its claimant and its article stay; 2022's claims and claimants go.
    expect(shown).toEqual(expect.arrayContaining(['c-gladkov', 'gladkov', 'wsj']));
    for (const gone of ['c-tass', 'c-pod', 'tass', 'podolyak', 'express']) expect(shown).not.toContain(gone);
    expect(shown.length).toBe(layout.trayNodes.filter((id) => !hidden.has(id)).length);
    // Faded (not hidden) nodes are still listed, and so is all of the tray once the filter is gone.
    expect(list(decorate(false).hideNodes).sort()).toEqual([...layout.trayNodes].sort());
  });
});
