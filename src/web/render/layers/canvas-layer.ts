/**
 * A Canvas 2D layer inside sigma's container, at a given place in sigma's layer stack, sized to
 * sigma's viewport (CSS px, drawn at the device pixel ratio). Pointer events pass through.
 */
import type Sigma from 'sigma';

export type LayerPlace = { beforeLayer: string } | { afterLayer: string };

export class CanvasLayer {
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  /** Whether the last `begin()` left anything to clear (a cleared layer is not cleared again). */
  private dirty = false;

  constructor(
    private readonly sigma: Sigma,
    readonly id: string,
    place: LayerPlace,
  ) {
    this.canvas = sigma.createCanvas(id, { ...place, style: { pointerEvents: 'none' } });
    this.ctx = this.canvas.getContext('2d')!;
  }

  /**
   * Sizes the canvas to the viewport if needed, clears it and sets a CSS-px transform; returns
   * the viewport size. O(1) (a clear of the canvas when something was drawn).
   */
  begin(): { width: number; height: number } {
    const { width, height } = this.sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(width * ratio);
    const h = Math.round(height * ratio);
    const ctx = this.ctx;
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    } else if (this.dirty) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.dirty = false;
    return { width, height };
  }

  /** Marks the layer as drawn on (so the next `begin()` clears it). */
  touched(): void {
    this.dirty = true;
  }

  kill(): void {
    try {
      this.sigma.killLayer(this.id);
    } catch {
      /* sigma already killed */
    }
  }
}
