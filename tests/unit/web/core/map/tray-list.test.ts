import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../../../src/shared/graph';
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
});
