/** Reading the graph: health, schema, search, nodes and their neighbours, paths, the overview, and the investigation views' data. */
import type {
  ArticleEvidenceResponse,
  ClaimsResponse,
  ClaimStatusBody,
  EdgesBetweenBody,
  EdgesBetweenResponse,
  HealthResponse,
  NeighboursResponse,
  NodeDetailResponse,
  NodeEditBody,
  NodeEditResponse,
  NodeMergeBody,
  NodeMergeResponse,
  NodeUnmergeBody,
  NodeUnmergeResponse,
  OverviewResponse,
  PathsResponse,
  RelationshipDetailResponse,
  SchemaResponse,
  SearchResponse,
  TimelineResponse,
  ValuesQuery,
  ValuesResponse,
} from '../../shared/api';
import { ROUTES } from '../../shared/api/routes';
import type { TransportClass } from './transport';

export function withGraphCalls<B extends TransportClass>(Base: B) {
  return class GraphCalls extends Base {
    health(signal?: AbortSignal): Promise<HealthResponse> {
      return this.request(ROUTES.health, { signal });
    }

    schema(): Promise<SchemaResponse> {
      return this.request(ROUTES.schema);
    }

    search(
      q: string,
      opts: { labels?: readonly string[]; limit?: number; signal?: AbortSignal } = {},
    ): Promise<SearchResponse> {
      return this.request(ROUTES.search, {
        query: { q, labels: opts.labels, limit: opts.limit || undefined },
        signal: opts.signal,
      });
    }

    /** A node's detail; with `asReportedBy`, as known on that day (values, evidence, claims). */
    node(id: string, signal?: AbortSignal, asReportedBy?: string): Promise<NodeDetailResponse> {
      return this.request(ROUTES.nodeDetail, {
        params: { id },
        query: asReportedBy ? { asReportedBy } : undefined,
        signal,
      });
    }

    /** An editor's change to an entity (with setClaimStatus, the writes here): 409 when someone saved a newer version. */
    editNode(id: string, body: NodeEditBody): Promise<NodeEditResponse> {
      return this.request(ROUTES.nodeEdit, { params: { id }, body });
    }

    /** An editor merges a duplicate entity into node `id` (with both versions read and a reason): 409 when either changed. */
    mergeNode(id: string, body: NodeMergeBody): Promise<NodeMergeResponse> {
      return this.request(ROUTES.nodeMerge, { params: { id }, body });
    }

    /** An editor undoes merge `body.merge` into node `id` (its version as read, a reason): 409 when it changed since. */
    unmergeNode(id: string, body: NodeUnmergeBody): Promise<NodeUnmergeResponse> {
      return this.request(ROUTES.nodeUnmerge, { params: { id }, body });
    }

    /** An editor sets a claim's status, with a reason: 409 when someone saved a newer version. */
    setClaimStatus(id: string, body: ClaimStatusBody): Promise<NodeEditResponse> {
      return this.request(ROUTES.claimStatus, { params: { id }, body });
    }

    neighbours(
      id: string,
      q: {
        types?: readonly string[];
        direction?: 'in' | 'out' | 'both';
        labels?: readonly string[];
        limit?: number;
        skip?: number;
      } = {},
    ): Promise<NeighboursResponse> {
      return this.request(ROUTES.neighbours, {
        params: { id },
        query: { types: q.types, direction: q.direction, labels: q.labels, limit: q.limit, skip: q.skip || undefined },
      });
    }

    /** "Connect result nodes": relationships between `nodes` (new) and `nodes` ∪ `among` (shown). A POST: the id list is too long for a URL. */
    edgesBetween(body: EdgesBetweenBody): Promise<EdgesBetweenResponse> {
      return this.request(ROUTES.edgesBetween, { body });
    }

    paths(
      from: string,
      to: string,
      opts: { maxHops?: number; exclude?: readonly string[] } = {},
    ): Promise<PathsResponse> {
      return this.request(ROUTES.paths, {
        // Nothing to skip is sent as `exclude=`: left out, the server skips its default (mentions).
        query: {
          from,
          to,
          maxHops: opts.maxHops || undefined,
          exclude: opts.exclude?.length === 0 ? [''] : opts.exclude,
        },
      });
    }

    relationship(id: string, signal?: AbortSignal): Promise<RelationshipDetailResponse> {
      return this.request(ROUTES.relationshipDetail, { params: { id }, signal });
    }

    /** The whole values list payloads cut, for up to 100 nodes and 100 relationships (exports). */
    values(q: ValuesQuery): Promise<ValuesResponse> {
      return this.request(ROUTES.values, { query: { nodes: q.nodes, relationships: q.relationships } });
    }

    overview(): Promise<OverviewResponse> {
      return this.request(ROUTES.overview);
    }

    timeline(
      q: { from?: string; to?: string; asReportedBy?: string; granularity?: 'year' | 'month' } = {},
    ): Promise<TimelineResponse> {
      return this.request(ROUTES.timeline, { query: q });
    }

    claims(q: { event?: string; asReportedBy?: string } = {}): Promise<ClaimsResponse> {
      return this.request(ROUTES.claims, { query: q });
    }

    /** An evidence quote in its article (the evidence reader); `via`: the relationship or claim it is evidence of. */
    evidence(article: string, start: number, end: number, via?: string): Promise<ArticleEvidenceResponse> {
      return this.request(ROUTES.articleEvidence, {
        params: { id: article },
        query: via ? { start, end, via } : { start, end },
      });
    }
  };
}
