/**
 * The contested ring: drawn around a contested event on screen (the marker layer) and in the
 * exported picture (whose legend lists "Contested"), never around one a drawn path or a filter
 * greys out. Sigma is faked: both read only its display data and its viewport maths.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type Sigma from 'sigma';
import { buildScene } from '../../../../src/web/render/export/scene';
import { sceneToSvg } from '../../../../src/web/render/export/writers';
import { MarkerLayer } from '../../../../src/web/render/layers/marker-layer';
import { withActivePerspective } from '../../../support/perspectives';

withActivePerspective();

type Display = { x: number; y: number; size: number; color: string; label?: string; dimmed?: boolean };

/** A sigma with these nodes' display data (what the reducers made of them); no edges. */
function fakeSigma(nodes: Record<string, Display>) {
  const listeners: Array<() => void> = [];
  const arcs: Array<{ x: number; y: number; r: number }> = [];
  const ctx = new Proxy(
    { arc: (x: number, y: number, r: number) => arcs.push({ x, y, r }) } as Record<string, unknown>,
    { get: (t, k) => (k in t ? t[k as string] : () => undefined), set: () => true },
  );
  const sigma = {
    getDimensions: () => ({ width: 400, height: 300 }),
    getGraph: () => ({
      forEachNode: (cb: (id: string) => void) => Object.keys(nodes).forEach((id) => cb(id)),
      forEachEdge: () => undefined,
    }),
    getNodeDisplayData: (id: string) => nodes[id],
    getEdgeDisplayData: () => undefined,
    framedGraphToViewport: (d: Display) => ({ x: d.x * 400, y: d.y * 300 }),
    scaleSize: (s: number) => s,
    createCanvas: () => ({ width: 0, height: 0, style: {}, getContext: () => ctx }),
    on: (_event: string, fn: () => void) => listeners.push(fn),
    off: () => undefined,
    scheduleRender: () => listeners.forEach((fn) => fn()),
    killLayer: () => undefined,
  };
  return { sigma: sigma as unknown as Sigma, arcs };
}

const NODES: Record<string, Display> = {
  strike: { x: 0.25, y: 0.5, size: 10, color: '#d33', label: 'Strike' },
  greyed: { x: 0.75, y: 0.5, size: 10, color: '#ccc', dimmed: true },
  plain: { x: 0.5, y: 0.25, size: 10, color: '#3a3', label: 'Place' },
};
const CONTESTED = new Set(['strike', 'greyed']);

describe('the contested ring', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is drawn on screen around a contested event, not around one the reducers dim', () => {
    vi.stubGlobal('window', { devicePixelRatio: 1 });
    const { sigma, arcs } = fakeSigma(NODES);
    new MarkerLayer(
      sigma,
      () => 'light',
      () => false,
    ).setNodes(CONTESTED);
    const centres = arcs.filter((a) => a.r > 10).map((a) => [a.x, a.y]);
    expect(centres).toEqual([[100, 150]]);
  });

  it('is in the exported picture around the same events, and the picture frames it', () => {
    const { sigma } = fakeSigma(NODES);
    const scene = buildScene(
      sigma,
      {
        area: 'view',
        theme: 'light',
        title: 'T',
        subtitle: '',
        source: '',
        legend: [],
        labelled: new Set(),
        contested: CONTESTED,
      },
      (text) => text.length * 6,
    );
    expect(scene.nodes.map((n) => !!n.contested)).toEqual([true, false, false]);
    const svg = sceneToSvg(scene);
    const rings = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)" fill="none" stroke="#d7263d"/g)];
    expect(rings).toHaveLength(1);
    const ringed = scene.nodes[0]!;
    expect(Number(rings[0]![1])).toBe(ringed.x);
    expect(Number(rings[0]![3])).toBeGreaterThan(ringed.r);
    // The frame holds the whole ring, not only the disc.
    expect(ringed.x - Number(rings[0]![3])).toBeGreaterThan(0);
  });
});
