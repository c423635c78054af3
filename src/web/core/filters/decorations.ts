/**
 * What the investigation views ask sigma's reducers to do, in one immutable object: the
 * reducers (installed once in SigmaController) read it; it is replaced — never mutated — when a
 * filter or the graph changes, followed by one repaint. Hover never touches it.
 */
export interface ViewDecorations {
  /** Drawn in the dimmed colour, without label (outside the brushed range). */
  fadeNodes: ReadonlySet<string>;
  fadeEdges: ReadonlySet<string>;
  /** Not drawn at all (not yet reported; single-source; "hide filtered"). */
  hideNodes: ReadonlySet<string>;
  hideEdges: ReadonlySet<string>;
  /** Events with contradicting claims: always labelled, ringed by the marker layer. */
  contested: ReadonlySet<string>;
  /** Edge thickness from corroboration (screen px); edges not listed keep their size. */
  edgeWidth: ReadonlyMap<string, number>;
}

export const NO_DECORATIONS: ViewDecorations = {
  fadeNodes: new Set(),
  fadeEdges: new Set(),
  hideNodes: new Set(),
  hideEdges: new Set(),
  contested: new Set(),
  edgeWidth: new Map(),
};
