/**
 * Visual vocabulary from the active perspective (core/perspective/active.ts): colours and glyphs
 * per node label, colours, widths and layout weights per relationship type, sizes. Pure data and
 * functions (no DOM, no sigma) so the render sync can be tested in Node. A label or type the
 * perspective does not list gets a stable palette colour and a dot.
 */
import type { RelationshipFamily, ThemeColor } from '../../shared/api/perspectives';
import { edgeLabelByRule, mainLabel, relationshipStyleOf } from '../../shared/perspective';
import { hashString } from '../core/graph/hash';
import { activePerspective } from '../core/perspective/active';
import type { Theme } from '../core/shell/actions';
import { ICONS } from './icons';

export interface LabelStyle {
  color: Record<Theme, string>;
  /** A 24×24 SVG path (fill, even-odd), drawn in the legend and inside labelled nodes. */
  glyph: string;
  /** What the legend calls the label ("People" in the news perspective). */
  plural: string;
}

/** Colours for labels no perspective lists, picked by a stable hash of the label. */
const FALLBACK_COLORS: Record<Theme, string[]> = {
  light: ['#0f9fa8', '#b5487a', '#7a8f1e', '#5b63c7', '#a0652a', '#2f8f8f', '#c2508a', '#617d2e'],
  dark: ['#3fd0d8', '#e87aad', '#b3cc4a', '#8f96ff', '#d99a5b', '#5fc6c6', '#f08ab8', '#9cc25f'],
};

export function labelStyle(label: string): LabelStyle {
  const s = activePerspective()?.labels.find((l) => l.label === label);
  if (s) return { color: s.color, glyph: ICONS[s.icon], plural: s.display };
  const i = hashString(label) % FALLBACK_COLORS.light.length;
  return {
    color: { light: FALLBACK_COLORS.light[i]!, dark: FALLBACK_COLORS.dark[i]! },
    glyph: ICONS.dot,
    plural: label,
  };
}

export function labelColor(label: string, theme: Theme): string {
  return labelStyle(label).color[theme];
}

/** What the legend and filters call a label. */
export function labelName(label: string): string {
  return labelStyle(label).plural;
}

/** Relationship families of the perspective (the legend's groups); a type in none is "Other". */
export type EdgeFamily = RelationshipFamily;

export function edgeFamilies(): readonly EdgeFamily[] {
  return activePerspective()?.families ?? [];
}

export function edgeColor(type: string, theme: Theme): string {
  return relationshipStyleOf(activePerspective(), type).color[theme];
}

/** Colour per theme of a relationship type (the legend). */
export function edgeThemeColor(type: string): ThemeColor {
  return relationshipStyleOf(activePerspective(), type).color;
}

/** Node size (screen px at zoom 1) from its degree in the shown graph: area grows with degree. */
export function nodeSize(degree: number): number {
  return Math.min(26, 4 + 2.4 * Math.sqrt(degree));
}

/**
 * A node's size under its main label's rule: by degree (default), fixed, or scaled from a
 * numeric property between the rule's min and max (`range`: the property's extent in view).
 */
export function nodeSizeFor(
  label: string,
  degree: number,
  props: Readonly<Record<string, unknown>> | undefined,
  range?: { min: number; max: number },
): number {
  const rule = activePerspective()?.labels.find((l) => l.label === label)?.size;
  if (!rule || rule.by === 'degree') return nodeSize(degree);
  if (rule.by === 'fixed') return rule.size;
  const v = props?.[rule.property];
  if (typeof v !== 'number' || !Number.isFinite(v)) return rule.min;
  if (!range || range.max <= range.min) return (rule.min + rule.max) / 2;
  return rule.min + ((rule.max - rule.min) * (v - range.min)) / (range.max - range.min);
}

/** The numeric property a label's size follows, if any. */
export function sizeProperty(label: string): string | null {
  const rule = activePerspective()?.labels.find((l) => l.label === label)?.size;
  return rule?.by === 'property' ? rule.property : null;
}

export const EDGE_SIZE = 1.2;

/** Line width of a relationship type (provenance links are thinner in the news perspective). */
export function edgeSize(type: string): number {
  return relationshipStyleOf(activePerspective(), type).width;
}

/** ForceAtlas2 attraction per relationship: mentions and claims pull less, so facts shape the layout. */
export function edgeWeight(type: string): number {
  return relationshipStyleOf(activePerspective(), type).weight;
}

/** Colours the reducers use for dimmed and highlighted items. */
export const UI_COLORS: Record<
  Theme,
  { dimNode: string; dimEdge: string; highlightEdge: string; label: string; background: string; selectedRing: string }
> = {
  light: {
    dimNode: '#dfe3e8',
    dimEdge: '#eef0f3',
    highlightEdge: '#39414d',
    label: '#1d232b',
    background: '#f7f8fa',
    selectedRing: '#111827',
  },
  dark: {
    dimNode: '#2a3038',
    dimEdge: '#20252c',
    highlightEdge: '#d8dee6',
    label: '#e6eaf0',
    background: '#12161b',
    selectedRing: '#ffffff',
  },
};

/** A relationship type's resolved look, as the render graph stores it. */
export interface EdgeTypeStyle {
  size: number;
  color: string;
  weight: number;
  /** The perspective's caption rule for the type (captions follow each edge's properties). */
  caption: string;
}

/**
 * The style lookups of one render-graph sync, memoised per label and relationship type: the
 * perspective and theme do not change within a sync, and resolving them (a scan of the
 * perspective's labels or families) per item would cost more than the graph insert itself.
 */
export class StyleCache {
  private readonly labels = new Map<string, string>();
  private readonly colors = new Map<string, string>();
  private readonly types = new Map<string, EdgeTypeStyle>();
  private readonly p = activePerspective();

  constructor(private readonly theme: Theme) {}

  /** The label a node is coloured and captioned by (graph-store's primaryLabel, memoised). */
  mainLabel(labels: readonly string[]): string {
    const key = labels.length === 1 ? labels[0]! : labels.join('\u0000');
    let l = this.labels.get(key);
    if (l === undefined) this.labels.set(key, (l = mainLabel(this.p, labels)));
    return l;
  }

  labelColor(label: string): string {
    let c = this.colors.get(label);
    if (c === undefined) this.colors.set(label, (c = labelColor(label, this.theme)));
    return c;
  }

  edge(type: string): EdgeTypeStyle {
    let s = this.types.get(type);
    if (!s)
      this.types.set(
        type,
        (s = {
          size: edgeSize(type),
          color: edgeColor(type, this.theme),
          weight: edgeWeight(type),
          caption: relationshipStyleOf(this.p, type).caption,
        }),
      );
    return s;
  }

  /** edgeLabelOf with the type's rule already resolved ('' when the type's caption is off). */
  edgeCaption(type: string, props: Readonly<Record<string, unknown>>): string {
    return edgeLabelByRule(this.edge(type).caption, type, props);
  }
}
