/**
 * Sigma settings, built once per Sigma instance. Changing a setting later makes sigma re-run the
 * reducers over the whole graph, so everything that varies at run time (hover, selection, theme)
 * is read by the functions below from state objects instead of being a setting.
 */
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import type { Settings } from 'sigma/settings';
import { EdgeArrowProgram } from 'sigma/rendering';
import { createDrawNodeHover, createDrawNodeLabel, type DrawTheme } from './draw';
import type { RenderEdgeAttributes, RenderNodeAttributes } from './render-graph';

export type ExplorerSettings = Partial<Settings<RenderNodeAttributes, RenderEdgeAttributes>>;

type LabelDrawer = ReturnType<typeof createDrawNodeLabel>;

/** `wrapLabel`: what draws captions around the plain drawer (the map's decluttering). */
export function createSigmaSettings(
  theme: () => DrawTheme,
  wrapLabel: (draw: LabelDrawer) => LabelDrawer = (d) => d,
): ExplorerSettings {
  return {
    // --- Programs: straight arrows, curved arrows for parallel edges (set by the render sync).
    defaultEdgeType: 'arrow',
    // (The programs are typed for plain attributes; ours are a subtype.)
    edgeProgramClasses: { arrow: EdgeArrowProgram, curvedArrow: EdgeCurvedArrowProgram } as unknown as NonNullable<
      ExplorerSettings['edgeProgramClasses']
    >,

    // --- Labels: Canvas 2D, thinned by the label grid. A denser grid than the default because
    // journalists read names; the threshold hides labels of tiny nodes when zoomed out.
    renderLabels: true,
    labelFont: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    labelDensity: 0.9,
    labelGridCellSize: 110,
    labelRenderedSizeThreshold: 3.5,
    defaultDrawNodeLabel: wrapLabel(createDrawNodeLabel(theme)),
    defaultDrawNodeHover: createDrawNodeHover(theme),

    // --- Edge labels: only the reducers give an edge a label (its type), for edges of the
    // selected nodes or a drawn path; hovered edges get theirs from the hover layer. Sigma's own
    // edge-label pass is off: it scans every edge on every frame (O(edges) per pan/zoom step);
    // EdgeLabelLayer draws the labelled edges only, with these font settings.
    renderEdgeLabels: false,
    edgeLabelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
    edgeLabelSize: 10,
    edgeLabelWeight: '600',
    edgeLabelColor: { color: theme().theme === 'dark' ? '#c7d0da' : '#4a5563' },

    // --- Interaction: relationships are hoverable and clickable (sigma picks them on its
    // picking layer); zIndex lets highlighted items draw above dimmed ones.
    enableEdgeEvents: true,
    zIndex: true,
    hideEdgesOnMove: false,
    minCameraRatio: 0.05,
    maxCameraRatio: 10,
    stagePadding: 40,
    // Double-click expands a node; the stage keeps its zoom on double-click.
    doubleClickZoomingRatio: 1.8,

    // --- Container: the graph area can shrink to nothing (a tall drawer on a small screen);
    // sigma then draws into a 1 px frame instead of throwing, and resizes when it grows back.
    allowInvalidContainer: true,

    // --- Sizes: node sizes are screen pixels at zoom 1 and grow gently when zooming in.
    itemSizesReference: 'screen',
    zoomToSizeRatioFunction: (ratio) => Math.sqrt(ratio),
    minEdgeThickness: 1,
  };
}
