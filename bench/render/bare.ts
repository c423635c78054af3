/**
 * Baseline page: just graphology + Sigma with default settings (random positions, default
 * programs, default hover), rendering the same payload as the app page.
 */
import './probe';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import type { GraphPayload } from '../../src/shared/graph';
import { Random } from '../lib/random';
import { afterRender, endOn, hoverTargetsOn, panStepOn, syncAll, type BenchApi } from './harness';
import { begin, snapshot, timeSync, workerMessageCount } from './probe';

const container = document.getElementById('graph')!;
let sigma: Sigma | null = null;
let graph: Graph | null = null;
let t0 = 0;

const api: BenchApi = {
  async load(url) {
    const payload = (await (await fetch(url)).json()) as GraphPayload;
    begin();
    const start = performance.now();
    const g = timeSync(() => {
      const r = new Random(1);
      const g = new Graph();
      for (const n of payload.nodes) g.addNode(n.id, { x: r.next(), y: r.next(), size: 3, label: n.caption });
      for (const e of payload.edges) g.addEdgeWithKey(e.id, e.source, e.target);
      return g;
    });
    const built = performance.now();
    graph = g;
    // Sigma renders its first frame inside its constructor.
    sigma = timeSync(() => new Sigma(g, container));
    const mainMs = snapshot().mainMs;
    syncAll(sigma);
    return {
      buildMs: built - start,
      firstFrameMs: performance.now() - start,
      firstFrameMainMs: mainMs,
      preLayoutMs: 0,
      nodes: g.order,
      edges: g.size,
    };
  },
  panStep: (i) => panStepOn(sigma!, i),
  hoverTargets: (k) => hoverTargetsOn(sigma!, k),
  begin() {
    begin();
    t0 = performance.now();
  },
  end: () => endOn(sigma!, () => (sigma as unknown as { hoveredNode: string | null }).hoveredNode ?? null, t0),
  async expand(_round, url) {
    const payload = (await (await fetch(url)).json()) as GraphPayload & { anchor: string };
    const g = graph!;
    const s = sigma!;
    begin();
    const start = performance.now();
    const rendered = afterRender(s);
    timeSync(() => {
      const a = g.getNodeAttributes(payload.anchor) as { x: number; y: number };
      const r = new Random(payload.nodes.length);
      for (const n of payload.nodes)
        g.addNode(n.id, {
          x: a.x + (r.next() - 0.5) * 0.05,
          y: a.y + (r.next() - 0.5) * 0.05,
          size: 3,
          label: n.caption,
        });
      for (const e of payload.edges) g.addEdgeWithKey(e.id, e.source, e.target);
    });
    await rendered;
    const mainMs = snapshot().mainMs;
    syncAll(s);
    return { mainMs, frameMs: performance.now() - start, added: payload.nodes.length };
  },
  async fa2(ms) {
    const sup = new FA2LayoutSupervisor(graph!, { settings: forceAtlas2.inferSettings(graph!) });
    const c0 = workerMessageCount();
    const start = performance.now();
    sup.start();
    await new Promise((r) => setTimeout(r, ms));
    const iterations = workerMessageCount() - c0;
    const elapsed = performance.now() - start;
    sup.kill();
    return { iterations, perSec: (iterations * 1000) / elapsed };
  },
  counts: () => ({ nodes: graph?.order ?? 0, edges: graph?.size ?? 0 }),
};

window.__bench = api;
window.__benchReady = true;
