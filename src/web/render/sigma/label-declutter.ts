/**
 * Labels that avoid each other, for views where the positions are not ours to spread (the map:
 * a town, its streets and its events on a few pixels). While on, sigma's label pass only draws
 * the glyphs and collects the captions (the reducers offer every node's); after the frame the
 * captions are written most important first (selected, then preferred — the map's places —
 * then better connected, then larger nodes), skipping any that would cover one already written.
 * A caption that would run past the view's right edge (the map's tray ends the view), or under a
 * panel laid over the view (the "Not on the map" list, `keepOut`), is written left of its node, or
 * not at all when it fits neither side. Off, labels are drawn as sigma picks them. Cost: O(labels
 * sigma picks) a frame.
 */
import type { CaptionSide } from '../../core/graph/edge-label-boxes';
import { declutterLabels, type LabelBox } from '../../core/map/label-boxes';
import type { Rect } from '../free-area';
import { labelFont, labelText, type LabelData, type LabelSettings } from '../draw';
import type { ExplorerSigma } from './sigma-controller';

type Drawer = (ctx: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings) => void;

interface Pending {
  ctx: CanvasRenderingContext2D;
  data: LabelData & { key?: string; highlighted?: boolean };
  settings: LabelSettings;
}

/** Room between a node's disc and its caption (as draw.ts writes it), and around a caption. */
const TEXT_OFFSET = 4;
/** Least room between a caption and the view's side (CSS px). */
const EDGE = 2;
const FORCED = 1e12;
const PREFERRED = 1e9;

export class LabelDeclutter {
  private on = false;
  private sigma: ExplorerSigma | null = null;
  private pending: Pending[] = [];
  private draw: Drawer | null = null;
  private preferred: ReadonlySet<string> = new Set();
  private written = new Map<string, LabelBox>();
  /** The captions of the last frame written left of their node. */
  private turned = new Set<string>();
  private floor: ((key: string) => number | undefined) | null = null;
  private out: (() => Rect | null) | null = null;

  /** The label drawer to give sigma: `draw` as it is while off, glyphs now and captions later while on. */
  wrap(draw: Drawer): Drawer {
    this.draw = draw;
    return (ctx, data, settings) => {
      if (!this.on || !data.label) {
        draw(ctx, data, settings);
        return;
      }
      draw(ctx, { ...data, label: null }, settings);
      this.pending.push({ ctx, data, settings });
    };
  }

  attach(sigma: ExplorerSigma): void {
    this.sigma = sigma;
    sigma.on('afterRender', this.flush);
  }

  get active(): boolean {
    return this.on;
  }

  setActive(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    this.pending = [];
    this.sigma?.scheduleRender();
  }

  /** Nodes whose captions win over better connected ones (the places a map's events orbit). */
  prefer(ids: ReadonlySet<string>): void {
    this.preferred = ids;
    this.sigma?.scheduleRender();
  }

  /**
   * The least x (CSS px in the view) a node's caption may start at, when it has one: a caption
   * turned left of its node stays in its panel (the map's tray) rather than over the map.
   */
  confine(floor: ((key: string) => number | undefined) | null): void {
    this.floor = floor;
    this.sigma?.scheduleRender();
  }

  /**
   * A panel over the view (CSS px in the view, read once a frame; null: none) that no caption is
   * written under: one that would be is turned left of its node, or left out.
   */
  keepOut(rect: (() => Rect | null) | null): void {
    this.out = rect;
    this.sigma?.scheduleRender();
  }

  /** Where the last frame wrote this node's caption (CSS px in the view), if it did. */
  captionBox(id: string): LabelBox | undefined {
    return this.written.get(id);
  }

  /** The side of its node the last frame wrote this caption on: the right, as draw.ts does, unless turned left here. */
  captionSide(id: string): CaptionSide {
    return this.on && this.turned.has(id) ? 'left' : 'right';
  }

  private readonly flush = (): void => {
    const items = this.pending;
    this.pending = [];
    const sigma = this.sigma;
    const draw = this.draw;
    if (!items.length || !sigma || !draw) return;
    const graph = sigma.getGraph();
    const width = sigma.getDimensions().width;
    const out = this.out?.() ?? null;
    const boxes: (LabelBox | null)[] = items.map(({ ctx, data, settings }, i) => {
      ctx.font = labelFont(settings);
      const w = ctx.measureText(labelText(data.label!)).width;
      const key = data.key ?? String(i);
      const top = data.y - settings.labelSize * 0.75;
      const bottom = data.y + settings.labelSize * 0.4;
      // Whether a caption starting at `l` stays clear of the panel over the view.
      const clear = (l: number) =>
        !out || l + w <= out.left || l >= out.right || bottom <= out.top || top >= out.bottom;
      const after = data.x + data.size + TEXT_OFFSET;
      const before = data.x - data.size - TEXT_OFFSET - w;
      const left =
        after + w <= width - EDGE && clear(after)
          ? after
          : before >= Math.max(EDGE, this.floor?.(key) ?? 0) && clear(before)
            ? before
            : null;
      if (left === null) return null;
      const degree = graph.hasNode(key) ? graph.degree(key) : 0;
      return {
        key,
        left,
        right: left + w,
        top,
        bottom,
        priority:
          (data.highlighted ? FORCED : 0) + (this.preferred.has(key) ? PREFERRED : 0) + degree * 100 + data.size,
      };
    });
    const kept = declutterLabels(boxes.filter((b): b is LabelBox => b !== null));
    // Sigma's record of written labels (read by the export) holds only the kept ones.
    const displayed = (sigma as unknown as { displayedNodeLabels: Set<string> }).displayedNodeLabels;
    this.written = new Map();
    this.turned = new Set();
    items.forEach(({ ctx, data, settings }, i) => {
      const box = boxes[i];
      if (box && kept.has(box.key)) {
        this.written.set(box.key, box);
        if (box.left < data.x) this.turned.add(box.key);
        // The drawer writes right of `x`: move `x` so the caption starts where its box does.
        draw(ctx, { ...data, x: box.left - data.size - TEXT_OFFSET, nodeLabel: undefined }, settings);
      } else displayed?.delete(data.key ?? String(i));
    });
  };

  kill(): void {
    this.sigma?.off('afterRender', this.flush);
    this.sigma = null;
  }
}
