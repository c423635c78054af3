import type { GraphNode } from '../../../shared/graph';
import type { Explorer } from '../../app/explorer';
import { FIND_PATHS_ID } from '../graph/GraphOverlay';

/**
 * Adds an entity picked by name to the selection (for paths), then gives the keyboard to the
 * path bar's "Find paths" (shown once two are selected): the analyst knows the names, not
 * where they are drawn, and may have no mouse.
 */
export function addForPaths(explorer: Explorer, node: GraphNode): void {
  void explorer.addToSelection(node).then(() =>
    // The bar is drawn on the next render.
    requestAnimationFrame(() => document.getElementById(FIND_PATHS_ID)?.focus()),
  );
}
