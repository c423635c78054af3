/** Shortest paths between two nodes: found, added to the view as one step, drawn (the rest dimmed) and framed. */
import { describeError } from '../api/client';
import { addLayer, findNode, nodeRef, type LayerSource } from '../core/graph/graph-store';
import { commitGraph, graphOf } from '../core/history/actions';
import {
  PATH_EXCLUDE,
  PATH_MAX_HOPS,
  pathsMessage,
  pathView,
  showPath,
  stepPath,
  type PathView,
} from '../core/paths/actions';
import type { Explorer } from './explorer';
import { mergedIntoOf, offerSurvivor } from './merged';

export class PathsController {
  /** Paths found in this page load by "from|to" element ids, to draw them again on back/forward. */
  private readonly views = new Map<string, PathView>();

  constructor(private readonly app: Explorer) {}

  /**
   * Finds the shortest paths between two nodes (by element id or our id), skipping `exclude`
   * types. An end merged away since offers its survivor; a link being replayed takes that 404
   * back (`passMerged`: thrown, its `param` naming the end, to look again from the survivor).
   */
  async find(
    a: string,
    b: string,
    exclude: readonly string[] = PATH_EXCLUDE,
    opts: { passMerged?: boolean } = {},
  ): Promise<void> {
    const { app } = this;
    const na = findNode(graphOf(app.state), a);
    const nb = findNode(graphOf(app.state), b);
    const label = `${na?.caption ?? a} and ${nb?.caption ?? b}`;
    app.shell.setStatus('busy', `Finding paths between ${label}…`);
    try {
      const res = await app.api.paths(na?.id ?? a, nb?.id ?? b, { maxHops: PATH_MAX_HOPS, exclude });
      const view = pathView(res, exclude);
      if (view.count) {
        const title = `Paths between ${label}`;
        const ref = (id: string, fallback: string) => {
          const n = res.nodes.find((x) => x.id === id);
          return n ? nodeRef(n) : fallback;
        };
        const source: LayerSource = {
          kind: 'paths',
          from: ref(view.from, a),
          to: ref(view.to, b),
          exclude: [...exclude],
        };
        app.store.set((s) =>
          commitGraph(
            addLayer(graphOf(s), { nodes: res.nodes, edges: res.edges }, { kind: 'paths', title, source }),
            title,
          )(s),
        );
        // The path bar says what was found; a status line would say it twice.
        app.shell.clearStatus();
        app.render.runLayout(false);
        // Frame the path once the layout has placed its new nodes: none of it off screen.
        app.render.revealWhenSettled([...view.nodes]);
      } else {
        app.shell.setStatus('info', pathsMessage(view, label, exclude));
      }
      app.store.set(showPath(view));
      if (view.count) this.views.set(`${view.from}|${view.to}`, view);
    } catch (e) {
      if (opts.passMerged && mergedIntoOf(e)) throw e;
      if (!offerSurvivor(app, e)) app.shell.setStatus('error', `Could not find paths: ${describeError(e)}`);
    }
  }

  /** Draws only the path `step` of those found (wrapping), or all of them again (null). */
  step(step: number | null): void {
    const { app } = this;
    const view = app.state.path;
    if (view?.count) app.store.set(showPath(stepPath(view, step)));
  }

  /** A path found earlier in this page load between these two nodes. */
  found(from: string, to: string): PathView | undefined {
    return this.views.get(`${from}|${to}`);
  }
}
