import { describe, expect, it } from 'vitest';
import { mapFrame } from '../../../../../src/web/core/map/frame';
import { geoLayout } from '../../../../../src/web/core/map/geo-layout';
import { graph } from '../../../../support/fixtures';

const boxOf = (pts: readonly { x: number; y: number }[]) => ({
  x: [Math.min(...pts.map((p) => p.x)), Math.max(...pts.map((p) => p.x))],
  y: [Math.min(...pts.map((p) => p.y)), Math.max(...pts.map((p) => p.y))],
});

describe('the first map view', () => {
  const layout = geoLayout(graph);

  it('frames the whole "Not on the map" tray, its right edge included, not just its nodes', () => {
    const tray = layout.tray!;
    expect(tray).not.toBeNull();
    const frame = mapFrame(layout);
    const box = boxOf([...frame.ids.map((id) => layout.positions.get(id)!), ...frame.points]);
    expect(box.x[1]!).toBeGreaterThanOrEqual(tray.x[1]);
    expect(box.x[0]!).toBeLessThanOrEqual(tray.x[0]);
    expect(box.y[1]!).toBeGreaterThanOrEqual(tray.y[1]);
    expect(box.y[0]!).toBeLessThanOrEqual(tray.y[0]);
  });

  it('frames the located nodes in the focus and every tray node; no tray, no extra points', () => {
    const frame = mapFrame(layout);
    for (const [id, p] of layout.positions) if (p.placement === 'tray') expect(frame.ids).toContain(id);
    const located = geoLayout({ nodes: graph.nodes.filter((n) => n.id === 'belgorod'), edges: [] });
    expect(located.tray).toBeNull();
    expect(mapFrame(located)).toEqual({ ids: ['belgorod'], points: [] });
  });
});
