/** Running what the query drawer shows: a saved query with its form, or the editor's Cypher. */
import { ApiError, describeError } from '../api/client';
import { addLayer, replaceWith } from '../core/graph/graph-store';
import { commitGraph, graphOf } from '../core/history/actions';
import { showPath } from '../core/paths/actions';
import { cypherTitle, patchDrawer, savedQuery } from '../core/query/actions';
import { parseParams } from '../core/query/params';
import { MAX_QUERY_CHARS, parseCypherParams, queryParamNames } from '../core/query/cypher-params';
import type { QueryResult } from '../../shared/api';
import type { Explorer } from './explorer';

export class QueryController {
  constructor(private readonly app: Explorer) {}

  /**
   * Runs the drawer's query. Parameters are checked here first (the server checks again); a
   * result with a graph replaces the view, or joins it with "add to current graph", as one step.
   */
  async run(): Promise<void> {
    const { app } = this;
    const d = app.state.drawer;
    if (d.running) return;
    let title: string;
    let run: () => Promise<QueryResult>;
    if (d.mode === 'saved') {
      const q = savedQuery(app.state, d.query);
      if (!q) {
        app.store.set(
          patchDrawer({ error: new ApiError(404, 'NOT_FOUND', `There is no saved query called “${d.query}”.`) }),
        );
        return;
      }
      const parsed = parseParams(q.params, d.params);
      const bad = Object.entries(parsed.errors);
      if (bad.length) {
        app.store.set(
          patchDrawer({
            error: new ApiError(400, 'BAD_REQUEST', bad.map(([, m]) => m).join('; '), { param: bad[0]![0] }),
          }),
        );
        return;
      }
      title = q.title;
      run = () => app.api.runQuery(q.name, parsed.values);
    } else {
      const query = d.cypher.trim();
      if (!query) return;
      if (query.length > MAX_QUERY_CHARS) {
        const n = query.length.toLocaleString('en-GB');
        const max = MAX_QUERY_CHARS.toLocaleString('en-GB');
        app.store.set(
          patchDrawer({
            error: new ApiError(
              400,
              'BAD_REQUEST',
              `This query is ${n} characters long; the explorer runs at most ${max}.`,
              {
                param: 'body.query',
              },
            ),
          }),
        );
        return;
      }
      const params = parseCypherParams(queryParamNames(query), d.cypherParams);
      title = cypherTitle(query);
      run = () => app.api.cypher({ query, params });
    }
    app.store.set(patchDrawer({ running: true, error: null }));
    try {
      const res = await run();
      app.store.set(
        patchDrawer({ running: false, result: res, resultTitle: title, error: null, ran: true, sort: null }),
      );
      if (res.graph.nodes.length) {
        const layer = { kind: 'query' as const, title };
        app.store.set((s) => {
          const g = graphOf(s);
          return showPath(null)(
            commitGraph(
              d.addToGraph ? addLayer(g, res.graph, layer) : replaceWith(g, res.graph, layer),
              `Query: ${title}`,
            )(s),
          );
        });
        app.render.runLayout(!d.addToGraph);
        const n = res.graph.nodes.length;
        const m = res.graph.edges.length;
        app.shell.setStatus(
          'info',
          `${title}: ${n} node${n === 1 ? '' : 's'}, ${m} relationship${m === 1 ? '' : 's'}${d.addToGraph ? ' added' : ''}.`,
        );
      }
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', describeError(e));
      app.store.set(patchDrawer({ running: false, error: err }));
    }
  }
}
