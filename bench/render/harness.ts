/** The measuring API both benchmark pages expose on window.__bench (driven by bench/render/run.ts). */
import type Sigma from 'sigma';
import { begin, gpuSync, settle, snapshot, timeSync } from './probe';

export interface LoadTimes {
  /** Payload received (parsed) → graphology graph ready (positions included). */
  buildMs: number;
  /** Payload received → first frame finished on the GPU (readPixels returned). */
  firstFrameMs: number;
  /** Main-thread JavaScript in that interval (sync work + animation-frame callbacks). */
  firstFrameMainMs: number;
  /** App only: the synchronous ForceAtlas2 pre-layout inside firstFrameMainMs. */
  preLayoutMs: number;
  nodes: number;
  edges: number;
  /** App only, measured after the timed load on a scratch render graph no sigma listens to. */
  profile?: { storeMs: number; syncMs: number; warmMs: number };
}

export interface Step {
  mainMs: number;
  frameMs: number;
}

export interface BenchApi {
  load(url: string): Promise<LoadTimes>;
  panStep(i: number): Promise<Step>;
  /** Viewport positions of up to k visible nodes, and one empty spot. */
  hoverTargets(k: number): { nodes: Array<{ id: string; x: number; y: number }>; empty: { x: number; y: number } };
  begin(): void;
  /** Waits for the page to settle, forces a GPU sync; returns main-thread ms since begin(). */
  end(): Promise<Step & { hovered: string | null }>;
  expand(round: number, url: string): Promise<Step & { added: number }>;
  fa2(ms: number): Promise<{ iterations: number; perSec: number }>;
  counts(): { nodes: number; edges: number };
}

declare global {
  interface Window {
    __bench?: BenchApi;
    __benchReady?: boolean;
  }
}

/** WebGL contexts sigma draws with (edges, nodes). */
export function sigmaContexts(s: Sigma): Array<WebGL2RenderingContext | WebGLRenderingContext> {
  const c = s.getCanvases();
  const out: Array<WebGL2RenderingContext | WebGLRenderingContext> = [];
  for (const key of ['edges', 'nodes']) {
    const canvas = c[key];
    const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl')) as
      WebGL2RenderingContext | WebGLRenderingContext | null;
    if (gl) out.push(gl);
  }
  return out;
}

export function syncAll(s: Sigma): void {
  for (const gl of sigmaContexts(s)) gpuSync(gl);
}

export function afterRender(s: Sigma): Promise<void> {
  return new Promise((res) => s.once('afterRender', () => res()));
}

/** Camera walk used by both pages: alternating pans and zooms around the centre. */
export function cameraState(i: number): { x: number; y: number; ratio: number; angle: number } {
  const k = i % 4;
  if (i === 0) return { x: 0.5, y: 0.5, ratio: 1, angle: 0 }; // sigma's initial camera
  return {
    x: 0.5 + (k === 1 ? 0.08 : k === 3 ? -0.08 : 0.02),
    y: 0.5 + (k === 2 ? 0.06 : 0),
    ratio: k % 2 ? 0.7 : 0.9,
    angle: 0,
  };
}

/** One camera move and the frame it causes; a move to the current state renders nothing. */
export async function panStepOn(s: Sigma, i: number): Promise<Step> {
  const next = cameraState(i);
  if (s.getCamera().hasState(next)) return { mainMs: 0, frameMs: 0 };
  begin();
  const t0 = performance.now();
  const rendered = afterRender(s);
  timeSync(() => s.getCamera().setState(cameraState(i)));
  await rendered;
  const mainMs = snapshot().mainMs;
  syncAll(s);
  return { mainMs, frameMs: performance.now() - t0 };
}

export function hoverTargetsOn(s: Sigma, k: number): ReturnType<BenchApi['hoverTargets']> {
  const g = s.getGraph();
  const { width, height } = s.getDimensions();
  const out: Array<{ id: string; x: number; y: number }> = [];
  const nodes = g.nodes();
  const stride = Math.max(1, Math.floor(nodes.length / (k * 8)));
  for (let i = 0; i < nodes.length && out.length < k; i += stride) {
    const id = nodes[i]!;
    const d = s.getNodeDisplayData(id);
    if (!d) continue;
    const p = s.framedGraphToViewport(d);
    if (p.x < 60 || p.y < 60 || p.x > width - 60 || p.y > height - 60) continue;
    // Skip nodes drawn under another one (the pointer would pick that one).
    const picked = (
      s as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null }
    ).getNodeAtPosition(p);
    if (picked !== id) continue;
    out.push({ id, x: p.x, y: p.y });
  }
  return { nodes: out, empty: { x: 3, y: 3 } };
}

export async function endOn(
  s: Sigma,
  hovered: () => string | null,
  t0: number,
): Promise<Step & { hovered: string | null }> {
  await settle();
  const mainMs = snapshot().mainMs;
  syncAll(s);
  return { mainMs, frameMs: performance.now() - t0, hovered: hovered() };
}
