/** Running what the query drawer shows: a saved query with its form, or the editor's Cypher. */
import { EDGES_BETWEEN_MAX_AMONG, EDGES_BETWEEN_MAX_NODES } from '../../shared/api/edges-caps';
import type { GraphPayload } from '../../shared/graph';
import { ApiError, describeError } from '../api/client';
import { resultConnectRequest, resultStatus, withConnecting } from '../core/query/connect';
import { addLayer, replaceWith, type LayerSource } from '../core/graph/graph-store';
import { commitGraph, graphOf } from '../core/history/actions';
import { showPath } from '../core/paths/actions';
import { cypherTitle, patchDrawer, savedQuery } from '../core/query/actions';
import { parseParams } from '../core/query/params';
import type { ResultSource } from '../core/query/csv';
import { MAX_QUERY_CHARS, parseCypherParams, queryParamNames } from '../core/query/cypher-params';
import type { QueryResult, SaveQueryBody, SaveQueryResponse } from '../../shared/api';
import type { Explorer } from './explorer';

type QuerySource = Extract<LayerSource, { kind: 'query' }>;

/** What ran and when: a kept answer was computed when it was first run. */
function resultSource(source: QuerySource, res: QueryResult): ResultSource {
  return {
    ...(source.query ? { query: source.query } : {}),
    ...(source.cypher ? { cypher: source.cypher } : {}),
    params: source.params,
    ranAt: res.summary.keptSince ?? new Date().toISOString(),
  };
}

/** The drawer's state once `res` is in: its table, what ran, and the connecting links drawn with it. */
function resultPatch(
  res: QueryResult,
  title: string,
  source: QuerySource,
  connected: { added: number; cut: boolean } | null,
) {
  return {
    result: res,
    resultTitle: title,
    resultSource: resultSource(source, res),
    error: null,
    ran: true,
    sort: null,
    connected,
  };
}

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
    let source: QuerySource;
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
      source = { kind: 'query', query: q.name, params: parsed.values };
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
      source = { kind: 'query', cypher: query, params };
    }
    app.store.set(patchDrawer({ running: true, error: null, connected: null }));
    try {
      const res = await run();
      const { graph, connected } = d.connect
        ? await this.connecting(res.graph, d.addToGraph)
        : { graph: res.graph, connected: null };
      // Another query opened while this one ran: its graph is still shown, its table is not put beside that form.
      const now = app.state.drawer;
      const still = now.mode === d.mode && now.query === d.query;
      app.store.set(
        patchDrawer(still ? { running: false, ...resultPatch(res, title, source, connected) } : { running: false }),
      );
      this.show({ ...res, graph }, title, source, d.addToGraph, connected?.added ?? 0);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', describeError(e));
      app.store.set(patchDrawer({ running: false, error: err }));
    }
  }

  /**
   * Runs a query of a link being replayed (no form, no checks: the link holds what ran) and
   * shows its graph; the open drawer shows its result when it is that query.
   */
  async runSource(source: QuerySource, add: boolean): Promise<void> {
    const { app } = this;
    const saved = source.query ? savedQuery(app.state, source.query) : undefined;
    const title = saved?.title ?? (source.cypher ? cypherTitle(source.cypher) : (source.query ?? 'Query'));
    try {
      const res = source.cypher
        ? await app.api.cypher({ query: source.cypher, params: source.params })
        : await app.api.runQuery(source.query ?? '', source.params as Parameters<typeof app.api.runQuery>[1]);
      const d = app.state.drawer;
      const { graph, connected } = d.connect
        ? await this.connecting(res.graph, add)
        : { graph: res.graph, connected: null };
      const same = d.open && (d.mode === 'saved' ? d.query === source.query : d.cypher.trim() === source.cypher);
      if (same) app.store.set(patchDrawer(resultPatch(res, title, source, connected)));
      this.show({ ...res, graph }, title, source, add, connected?.added ?? 0);
    } catch (e) {
      app.shell.setStatus('error', `Could not run “${title}” again: ${describeError(e)}`);
    }
  }

  /** A result's graph (with `connecting` links drawn among its nodes) replaces the view, or joins it, as one step. */
  private show(res: QueryResult, title: string, source: QuerySource, add: boolean, connecting: number): void {
    const { app } = this;
    if (!res.graph.nodes.length) return;
    const layer = { kind: 'query' as const, title, source };
    app.store.set((s) => {
      const g = graphOf(s);
      return showPath(null)(
        commitGraph(add ? addLayer(g, res.graph, layer) : replaceWith(g, res.graph, layer), `Query: ${title}`)(s),
      );
    });
    // The camera kept from the view before would leave much of a new result off screen: a result that
    // replaces the view is framed whole once laid out; one that joins it has its nodes brought into view.
    if (add)
      app.render.runLayout(
        false,
        res.graph.nodes.map((x) => x.id),
      );
    else {
      app.render.runLayout(true);
      app.render.frameView();
    }
    const n = res.graph.nodes.length;
    app.shell.setStatus('info', resultStatus(title, n, res.graph.edges.length - connecting, connecting, add));
  }

  /**
   * "Connect result nodes": the relationships among the result's nodes (and to the view when the
   * result joins it), capped by the endpoint. A failure costs only those links, never the result.
   */
  private async connecting(
    payload: GraphPayload,
    addToGraph: boolean,
  ): Promise<{ graph: GraphPayload; connected: { added: number; cut: boolean } | null }> {
    const req = resultConnectRequest(payload, addToGraph ? graphOf(this.app.state) : null, {
      nodes: EDGES_BETWEEN_MAX_NODES,
      among: EDGES_BETWEEN_MAX_AMONG,
    });
    if (!req) return { graph: payload, connected: null };
    try {
      const res = await this.app.api.edgesBetween({ nodes: req.nodes, among: req.among });
      const { graph, added } = withConnecting(payload, res.edges);
      return { graph, connected: { added, cut: req.cut || res.truncated } };
    } catch {
      return { graph: payload, connected: null };
    }
  }

  /** Saves a query as a saved query of the database's perspective, then lists it. */
  async save(body: SaveQueryBody): Promise<SaveQueryResponse> {
    const res = await this.app.api.saveQuery(body);
    this.app.store.set({ queries: await this.app.api.queries() });
    return res;
  }

  /** Deletes a saved query of the database's perspective, then lists what is left. */
  async remove(name: string): Promise<void> {
    await this.app.api.deleteQuery(name);
    this.app.store.set({ queries: await this.app.api.queries() });
  }
}
