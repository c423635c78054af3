/**
 * In-page instrumentation shared by the bare page and the app page. Imported FIRST by both
 * entries so it wraps requestAnimationFrame, DOM event listeners and Worker before sigma or
 * graphology-layout-forceatlas2 use them:
 *  - main-thread time = time spent in rAF callbacks + pointer/wheel listeners (+ the synchronous
 *    part of whatever the harness triggers), accumulated between begin() and end();
 *  - frame time = wall time until a 1×1 readPixels on sigma's WebGL context returns (forces the
 *    GPU process — SwiftShader here — to finish the frame);
 *  - FA2 iterations = messages received from workers (one per ForceAtlas2 iteration).
 */

interface Acc {
  mainMs: number;
  rafCallbacks: number;
  listenerMs: number;
}

const acc: Acc = { mainMs: 0, rafCallbacks: 0, listenerMs: 0 };
let pendingRaf = 0;
let workerMessages = 0;

const nativeRaf = window.requestAnimationFrame.bind(window);
const nativeCancel = window.cancelAnimationFrame.bind(window);
const pendingIds = new Set<number>();
window.requestAnimationFrame = (cb: FrameRequestCallback): number => {
  pendingRaf++;
  const id = nativeRaf((ts) => {
    pendingIds.delete(id);
    pendingRaf--;
    const t0 = performance.now();
    try {
      cb(ts);
    } finally {
      acc.mainMs += performance.now() - t0;
      acc.rafCallbacks++;
    }
  });
  pendingIds.add(id);
  return id;
};
window.cancelAnimationFrame = (id: number): void => {
  if (pendingIds.delete(id)) pendingRaf--;
  nativeCancel(id);
};

const TIMED_EVENTS = new Set([
  'mousemove',
  'mousedown',
  'mouseup',
  'wheel',
  'click',
  'pointermove',
  'mouseout',
  'mouseleave',
]);
const wrapped = new WeakMap<object, EventListener>();
const nativeAdd = EventTarget.prototype.addEventListener;
const nativeRemove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | AddEventListenerOptions,
) {
  if (!listener || !TIMED_EVENTS.has(type)) return nativeAdd.call(this, type, listener, options);
  let w = wrapped.get(listener);
  if (!w) {
    w = function (this: unknown, ev: Event) {
      const t0 = performance.now();
      try {
        if (typeof listener === 'function') listener.call(this, ev);
        else listener.handleEvent(ev);
      } finally {
        const d = performance.now() - t0;
        acc.mainMs += d;
        acc.listenerMs += d;
      }
    };
    wrapped.set(listener, w);
  }
  return nativeAdd.call(this, type, w, options);
};
EventTarget.prototype.removeEventListener = function (
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | EventListenerOptions,
) {
  const w = listener ? wrapped.get(listener) : undefined;
  return nativeRemove.call(this, type, w ?? listener, options);
};

const NativeWorker = window.Worker;
window.Worker = class CountingWorker extends NativeWorker {
  constructor(url: string | URL, opts?: WorkerOptions) {
    super(url, opts);
    nativeAdd.call(this, 'message', () => {
      workerMessages++;
    });
  }
} as typeof Worker;

export const nextFrame = () => new Promise<number>((res) => nativeRaf(res));

/** Resets the main-thread accumulator. */
export function begin(): void {
  acc.mainMs = 0;
  acc.rafCallbacks = 0;
  acc.listenerMs = 0;
}

/** Adds synchronously measured work (the harness's own trigger) to the accumulator. */
export function timeSync<T>(fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    acc.mainMs += performance.now() - t0;
  }
}

export function snapshot(): Acc {
  return { ...acc };
}

/** Waits until no instrumented rAF callback is pending for two frames in a row (or `maxMs`). */
export async function settle(maxMs = 120_000): Promise<void> {
  const until = performance.now() + maxMs;
  let quiet = 0;
  while (quiet < 2 && performance.now() < until) {
    await nextFrame();
    quiet = pendingRaf === 0 ? quiet + 1 : 0;
  }
}

/** Forces the GPU to finish: a 1×1 readPixels on the given WebGL context. */
export function gpuSync(gl: WebGLRenderingContext | WebGL2RenderingContext | null): void {
  if (!gl) return;
  const px = new Uint8Array(4);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
}

export function workerMessageCount(): number {
  return workerMessages;
}
