import type { RouteModule } from '../http/context';
import { articleRoutes } from './articles/route';
import { claimsRoutes } from './claims/route';
import { cypherRoutes } from './cypher/route';
import { edgeRoutes } from './edges/route';
import { healthRoutes } from './health/route';
import { ingestRoutes } from './ingest/route';
import { ingestDiscardRoutes } from './ingest-discard/route';
import { nodeRoutes } from './nodes/route';
import { openapiRoutes } from './openapi/route';
import { overviewRoutes } from './overview/route';
import { pathRoutes } from './paths/route';
import { perspectiveRoutes } from './perspectives/route';
import { queryRoutes } from './queries/route';
import { relationshipRoutes } from './relationships/route';
import { schemaRoutes } from './schema/route';
import { searchRoutes } from './search/route';
import { timelineRoutes } from './timeline/route';
import { auditRoutes } from './audit/route';
import { backupRoutes } from './backups/route';
import { nodeEditRoutes } from './node-edit/route';
import { sessionRoutes } from './session/route';
import { userRoutes } from './users/route';
import { valueRoutes } from './values/route';
import { viewRoutes } from './views/route';

/** Every resource's routes, registered by buildApp in this order; one folder per resource (route.ts + query.ts). */
export const RESOURCE_ROUTES: readonly RouteModule[] = [
  healthRoutes,
  schemaRoutes,
  searchRoutes,
  nodeRoutes,
  relationshipRoutes,
  valueRoutes,
  edgeRoutes,
  pathRoutes,
  overviewRoutes,
  queryRoutes,
  cypherRoutes,
  openapiRoutes,
  perspectiveRoutes,
  // The investigation views: timeline, claims board, evidence reader.
  timelineRoutes,
  claimsRoutes,
  articleRoutes,
  nodeEditRoutes,
  // Accounts, sessions and the audit trail (src/server/auth).
  sessionRoutes,
  userRoutes,
  auditRoutes,
  backupRoutes,
  // Ingest: staging, review, accept and undo.
  ingestRoutes,
  ingestDiscardRoutes,
  // Views too long for a link.
  viewRoutes,
];
