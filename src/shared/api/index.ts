/** The API contract: one module per resource, all endpoints in API_CONTRACTS. */
import type { EndpointContract } from './contract';
import { articleEvidenceContract } from './articles';
import { claimsContract } from './claims';
import { timelineContract } from './timeline';
import { cypherContract } from './cypher';
import { edgesBetweenContract } from './edges';
import { healthContract } from './health';
import { neighboursContract, nodeDetailContract } from './nodes';
import { openapiContract } from './openapi';
import { overviewContract } from './overview';
import { pathsContract } from './paths';
import { queriesListContract, runQueryContract } from './queries';
import { schemaContract } from './schema';
import { searchContract } from './search';

export * from './articles';
export * from './claims';
export * from './common';
export * from './contract';
export * from './cypher';
export * from './edges';
export * from './health';
export * from './nodes';
export * from './openapi';
export * from './overview';
export * from './paths';
export * from './queries';
export * from './result';
export * from './schema';
export * from './search';
export * from './timeline';

export const API_CONTRACTS: readonly EndpointContract[] = [
  healthContract,
  schemaContract,
  searchContract,
  nodeDetailContract,
  neighboursContract,
  edgesBetweenContract,
  pathsContract,
  overviewContract,
  queriesListContract,
  runQueryContract,
  cypherContract,
  openapiContract,
  timelineContract,
  claimsContract,
  articleEvidenceContract,
];

/** `/api/nodes/{id}` → `/api/nodes/abc` (ids are URI-encoded; element ids contain colons). */
export function apiPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));
}
