import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../../src/runtime/paths';
import { atlasFrom, borderBetween, distanceToLineKm } from '../../../../../src/web/core/map/atlas';
import {
  createProjection,
  focusBox,
  geoLayout,
  nodeLocation,
  toGraph,
} from '../../../../../src/web/core/map/geo-layout';
import { graph } from '../../../../support/fixtures';

const atlas = atlasFrom(JSON.parse(readFileSync(join(ROOT, 'node_modules/world-atlas/countries-50m.json'), 'utf8')));

describe('projection', () => {
  it('puts north up and east right', () => {
    const p = createProjection();
    const belgorod = toGraph(p, { lat: 50.5997, lon: 36.5983 });
    const kharkiv = toGraph(p, { lat: 49.9935, lon: 36.2304 });
    expect(belgorod.y).toBeGreaterThan(kharkiv.y);
    expect(belgorod.x).toBeGreaterThan(kharkiv.x);
  });

  it('reads locations from {lat, lon} points or latitude/longitude', () => {
    expect(nodeLocation(graph.nodes.find((n) => n.id === 'belgorod')!)).toEqual({ lat: 50.5997, lon: 36.5983 });
    expect(
      nodeLocation({ id: 'x', key: null, labels: [], caption: 'x', properties: { latitude: 1, longitude: 2 } }),
    ).toEqual({ lat: 1, lon: 2 });
    expect(
      nodeLocation({ id: 'x', key: null, labels: [], caption: 'x', properties: { location: { lat: 123, lon: 0 } } }),
    ).toBeNull();
  });
});

describe('geoLayout', () => {
  const layout = geoLayout(graph);
  const at = (id: string) => layout.positions.get(id)!;

  it('places every node', () => {
    for (const n of graph.nodes) expect(layout.positions.has(n.id), n.id).toBe(true);
  });

  it('places located nodes at their coordinates and events at their place', () => {
    expect(at('belgorod').placement).toBe('located');
    expect(at('gubkin').placement).toBe('event');
    expect(at('su34').placement).toBe('event');
    const d = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    expect(d('gubkin', 'belgorod')).toBeLessThan(6);
    expect(d('su34', 'belgorod')).toBeLessThan(6);
    expect(d('gubkin', 'su34')).toBeGreaterThan(0.5); // two events at one place do not overlap
    expect(at('war').placement).toBe('event'); // in Ukraine (placed at Kyiv)
  });

  it('puts every node without coordinates in a tray beside the map, never on it', () => {
    const tray = layout.tray!;
    expect(tray).not.toBeNull();
    for (const id of ['gladkov', 'c-tass', 'tass', 'lonely']) {
      expect(at(id).placement, id).toBe('tray');
      expect(at(id).x, id).toBeGreaterThanOrEqual(tray.x[0]);
      expect(at(id).x, id).toBeLessThanOrEqual(tray.x[1]);
    }
    // The tray is to the right of everything placed on the map.
    const f = layout.focus!;
    expect(tray.x[0]).toBeGreaterThan(f.x[1]);
    for (const p of layout.positions.values()) if (p.placement !== 'tray') expect(p.x).toBeLessThan(tray.x[0]);
  });

  it('spaces tray columns by their captions: when rows are a line apart, no caption reaches another node or caption', () => {
    // Many nodes without coordinates, captions of every length up to the canvas cut (34 characters).
    const words = ['TASS', 'Cluster munitions', 'Ministry of Defence of the Russian Federation', 'Reuters'];
    const extra = Array.from({ length: 240 }, (_, i) => ({
      id: `t${i}`,
      key: null,
      labels: ['Organization'],
      caption: `${words[i % words.length]} ${i}`,
      properties: {},
    }));
    const big = geoLayout({ nodes: [...graph.nodes, ...extra], edges: graph.edges });
    const tray = [...graph.nodes, ...extra].flatMap((n) => {
      const p = big.positions.get(n.id)!;
      return p.placement === 'tray' ? [{ ...p, text: Math.min(n.caption.length, 34) }] : [];
    });
    const ys = [...new Set(tray.map((p) => p.y))].sort((a, b) => b - a);
    const row = ys[0]! - ys[1]!;
    // Zoomed so that rows are 15 px apart (a 12 px label line): a character ≈ 7.2 px, the caption
    // starting 7 px right of the node's centre (its radius and a 4 px gap), nodes 8 px across.
    const px = row / 15;
    const caption = (p: (typeof tray)[number]) => ({
      l: p.x + 7 * px,
      r: p.x + (7 + 7.2 * p.text) * px,
      t: p.y - 7 * px,
      b: p.y + 7 * px,
    });
    const hit = (a: { l: number; r: number; t: number; b: number }, b: typeof a) =>
      a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
    const overlaps: string[] = [];
    tray.forEach((a, i) =>
      tray.forEach((b, j) => {
        if (i === j) return;
        const node = { l: b.x - 4 * px, r: b.x + 4 * px, t: b.y - 4 * px, b: b.y + 4 * px };
        if (hit(caption(a), node) || (i < j && hit(caption(a), caption(b)))) overlaps.push(`${i}×${j}`);
      }),
    );
    expect(tray.length).toBeGreaterThan(240);
    expect(overlaps.slice(0, 5)).toEqual([]);
    // Still beside the map, and no taller than it.
    expect(big.tray!.x[0]).toBeGreaterThan(big.focus!.x[1]);
    expect(big.tray!.y[1] - big.tray!.y[0]).toBeLessThanOrEqual(big.focus!.y[1] - big.focus!.y[0] + row);
  });

  it('focuses on the events, not on outliers', () => {
    const far = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 0 },
      { x: 1, y: -1 },
      { x: 900, y: 900 },
    ];
    const box = focusBox(far)!;
    expect(box.x[1]).toBeLessThan(100);
    expect(focusBox([])).toBeNull();
  });

  it('frames one located place with its surroundings: the border near Belgorod region is in the focus', () => {
    // An empty scene grown from Gladkov locates only Belgorod region: a box of a few km around it
    // showed land and no outline at all.
    const p = createProjection();
    const box = focusBox([toGraph(p, { lat: 50.71, lon: 37.38 })])!;
    const inside = borderBetween(atlas, 'Russia', 'Ukraine')!
      .coordinates.flat()
      .some(([lon, lat]) => {
        const q = toGraph(p, { lat: lat!, lon: lon! });
        return q.x >= box.x[0] && q.x <= box.x[1] && q.y >= box.y[0] && q.y <= box.y[1];
      });
    expect(inside).toBe(true);
    // Many places far apart keep their own extent.
    const wide = focusBox([
      { x: 0, y: 0 },
      { x: 300, y: 200 },
    ])!;
    expect(wide.x[1] - wide.x[0]).toBeCloseTo(300 * 1.24);
  });

  it('is deterministic', () => {
    const again = geoLayout(graph);
    for (const [id, p] of layout.positions) expect(again.positions.get(id)).toEqual(p);
  });
});

describe('atlas', () => {
  it('has the countries with their names, and Belgorod in Russia, Kharkiv in Ukraine', () => {
    const russia = atlas.countries.find((c) => c.name === 'Russia')!;
    const ukraine = atlas.countries.find((c) => c.name === 'Ukraine')!;
    expect(geoContains(russia.geometry, [36.5983, 50.5997])).toBe(true);
    expect(geoContains(ukraine.geometry, [36.2304, 49.9935])).toBe(true);
    expect(geoContains(ukraine.geometry, [36.5983, 50.5997])).toBe(false);
  });

  it('measures distances to the Russia–Ukraine border: Belgorod and Kharkiv are both within ~40 km', () => {
    const border = borderBetween(atlas, 'Russia', 'Ukraine')!;
    expect(border).not.toBeNull();
    const belgorod = distanceToLineKm([36.5983, 50.5997], border);
    const kharkiv = distanceToLineKm([36.2304, 49.9935], border);
    expect(belgorod).toBeLessThan(45);
    expect(kharkiv).toBeLessThan(45);
    expect(distanceToLineKm([37.6173, 55.7558], border)).toBeGreaterThan(300); // Moscow
    expect(borderBetween(atlas, 'Russia', 'Portugal')).toBeNull();
  });
});
