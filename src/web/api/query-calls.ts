/** Queries and what the explorer keeps per database: saved queries, ad-hoc Cypher, the perspective, views saved for long links. */
import type {
  CypherRequest,
  PerspectiveFile,
  PerspectiveResponse,
  QueriesListResponse,
  QueryResult,
  RunQueryResponse,
  SavePerspectiveBody,
  SaveQueryBody,
  SaveQueryResponse,
  SaveViewResponse,
  ViewResponse,
} from '../../shared/api';
import { ROUTES } from '../../shared/api/routes';
import type { TransportClass } from './transport';

export function withQueryCalls<B extends TransportClass>(Base: B) {
  return class QueryCalls extends Base {
    /** The connected database's perspective (captions, colours, icons, search, views). */
    perspective(): Promise<PerspectiveResponse> {
      return this.request(ROUTES.perspective);
    }

    savePerspective(body: SavePerspectiveBody): Promise<PerspectiveResponse> {
      return this.request(ROUTES.savePerspective, { body });
    }

    resetPerspective(): Promise<PerspectiveResponse> {
      return this.request(ROUTES.resetPerspective);
    }

    exportPerspective(): Promise<PerspectiveFile> {
      return this.request(ROUTES.exportPerspective);
    }

    saveQuery(body: SaveQueryBody): Promise<SaveQueryResponse> {
      return this.request(ROUTES.saveQuery, { body });
    }

    deleteQuery(name: string): Promise<{ deleted: string }> {
      return this.request(ROUTES.deleteQuery, { params: { name } });
    }

    /** Stores a view recipe too long for a link; the link carries the returned id. */
    saveView(recipe: string): Promise<SaveViewResponse> {
      return this.request(ROUTES.saveView, { body: { recipe } });
    }

    view(id: string): Promise<ViewResponse> {
      return this.request(ROUTES.view, { params: { id } });
    }

    queries(): Promise<QueriesListResponse> {
      return this.request(ROUTES.queriesList);
    }

    runQuery(name: string, params: Record<string, string | number | boolean | null>): Promise<RunQueryResponse> {
      return this.request(ROUTES.runQuery, { params: { name }, body: { params } });
    }

    cypher(req: CypherRequest): Promise<QueryResult> {
      return this.request(ROUTES.cypher, { body: req });
    }
  };
}
