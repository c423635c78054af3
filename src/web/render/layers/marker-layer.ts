/**
 * The "contested" marker: a red ring and a small ⚡ badge around events whose claims contradict
 * each other, drawn on a Canvas 2D layer above sigma's nodes after each frame. Reads sigma's
 * display data (so hidden, faded or dimmed events get no ring). Cost per frame: O(contested events).
 */
import type Sigma from 'sigma';
import type { Theme } from '../../core/shell/actions';

const RING: Record<Theme, string> = { light: '#d7263d', dark: '#ff6b6b' };

export class MarkerLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private nodes: ReadonlySet<string> = new Set();

  constructor(
    private readonly sigma: Sigma,
    private readonly theme: () => Theme,
    private readonly isDimmed: (node: string) => boolean,
  ) {
    this.canvas = sigma.createCanvas('newsgraph-markers', { afterLayer: 'nodes', style: { pointerEvents: 'none' } });
    this.ctx = this.canvas.getContext('2d')!;
    sigma.on('afterRender', this.draw);
  }

  setNodes(ids: ReadonlySet<string>): void {
    this.nodes = ids;
    this.sigma.scheduleRender();
  }

  private readonly draw = (): void => {
    const { width: w, height: h } = this.sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(w * ratio) || this.canvas.height !== Math.round(h * ratio)) {
      this.canvas.width = Math.round(w * ratio);
      this.canvas.height = Math.round(h * ratio);
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const color = RING[this.theme()];
    for (const id of this.nodes) {
      const d = this.sigma.getNodeDisplayData(id);
      // (`dimmed`: the reducers grey it out, as off a drawn path; `isDimmed`: the filters fade it.)
      if (!d || d.hidden || (d as { dimmed?: boolean }).dimmed || this.isDimmed(id)) continue;
      const p = this.sigma.framedGraphToViewport(d);
      if (p.x < -20 || p.y < -20 || p.x > w + 20 || p.y > h + 20) continue;
      const r = this.sigma.scaleSize(d.size) + 4;
      ctx.beginPath();
      ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
      ctx.strokeStyle = color;
      ctx.lineWidth = 2.5;
      ctx.setLineDash([4, 3]);
      ctx.stroke();
      ctx.setLineDash([]);
      // Badge at the upper right: a filled disc with a lightning mark.
      const bx = p.x + r * 0.75;
      const by = p.y - r * 0.75;
      ctx.beginPath();
      ctx.arc(bx, by, 6.5, 0, Math.PI * 2);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.font = 'bold 9px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('!', bx, by + 0.5);
    }
  };

  kill(): void {
    this.sigma.off('afterRender', this.draw);
    try {
      this.sigma.killLayer('newsgraph-markers');
    } catch {
      /* sigma already killed */
    }
  }
}
