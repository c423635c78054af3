/** The API contract: one module per resource, every endpoint in CONTRACTS (by route name) and API_CONTRACTS. */
import type { EndpointContract } from './contract';
import { articleEvidenceContract } from './articles';
import { claimsContract } from './claims';
import { timelineContract } from './timeline';
import { cypherContract } from './cypher';
import { edgesBetweenContract } from './edges';
import { healthContract } from './health';
import {
  ingestAcceptContract,
  ingestArticleContract,
  ingestBatchArticleContract,
  ingestBatchContract,
  ingestBatchesContract,
  ingestBulkContract,
  ingestContradictionContract,
  ingestContradictionsContract,
  ingestEditContract,
  ingestJudgeContract,
  ingestMergeContract,
  ingestRejectContract,
  ingestReopenContract,
  ingestUndoContract,
} from './ingest';
import { ingestDiscardContract } from './ingest-discard';
import { neighboursContract, nodeDetailContract } from './nodes';
import { openapiContract } from './openapi';
import type { RouteName } from './routes';
import { overviewContract } from './overview';
import { pathsContract } from './paths';
import { deleteQueryContract, queriesListContract, runQueryContract, saveQueryContract } from './queries';
import {
  exportPerspectiveContract,
  perspectiveContract,
  resetPerspectiveContract,
  savePerspectiveContract,
} from './perspectives';
import { relationshipDetailContract } from './relationships';
import { schemaContract } from './schema';
import { searchContract } from './search';
import { auditContract } from './audit';
import { saveViewContract, viewContract } from './views';
import { valuesContract } from './values';
import { backupCreateContract, backupsListContract } from './backups';
import { claimStatusContract, nodeEditContract } from './node-edit';
import { nodeMergeContract } from './node-merge';
import { nodeUnmergeContract } from './node-unmerge';
import { loginContract, logoutContract, sessionContract } from './session';
import {
  tokenCreateContract,
  tokenRevokeContract,
  tokensListContract,
  userAddContract,
  userPasswordContract,
  usersListContract,
  userUpdateContract,
} from './users';

export * from './articles';
export * from './audit';
export * from './backups';
export * from './node-edit';
export * from './node-merge';
export * from './node-unmerge';
export * from './session';
export * from './users';
export * from './claims';
export * from './common';
export * from './contract';
export * from './cypher';
export * from './edges';
export * from './health';
export * from './ingest';
export * from './ingest-discard';
export * from './nodes';
export * from './openapi';
export * from './overview';
export * from './paths';
export * from './perspectives';
export * from './queries';
export * from './query-ranges';
export * from './relationships';
export * from './result';
export * from './routes';
export * from './schema';
export * from './search';
export * from './timeline';
export * from './values';
export * from './views';

/** Each endpoint's contract under its name in the route table (a missing or extra one does not compile). */
export const CONTRACTS = {
  health: healthContract,
  schema: schemaContract,
  search: searchContract,
  nodeDetail: nodeDetailContract,
  neighbours: neighboursContract,
  edgesBetween: edgesBetweenContract,
  paths: pathsContract,
  overview: overviewContract,
  queriesList: queriesListContract,
  runQuery: runQueryContract,
  cypher: cypherContract,
  openapi: openapiContract,
  timeline: timelineContract,
  claims: claimsContract,
  articleEvidence: articleEvidenceContract,
  nodeEdit: nodeEditContract,
  nodeMerge: nodeMergeContract,
  nodeUnmerge: nodeUnmergeContract,
  claimStatus: claimStatusContract,
  session: sessionContract,
  login: loginContract,
  logout: logoutContract,
  usersList: usersListContract,
  userAdd: userAddContract,
  userUpdate: userUpdateContract,
  userPassword: userPasswordContract,
  tokensList: tokensListContract,
  tokenCreate: tokenCreateContract,
  tokenRevoke: tokenRevokeContract,
  audit: auditContract,
  backupsList: backupsListContract,
  backupCreate: backupCreateContract,
  ingestArticle: ingestArticleContract,
  ingestBatches: ingestBatchesContract,
  ingestBatch: ingestBatchContract,
  ingestBatchArticle: ingestBatchArticleContract,
  ingestDiscard: ingestDiscardContract,
  ingestBulk: ingestBulkContract,
  ingestEdit: ingestEditContract,
  ingestAccept: ingestAcceptContract,
  ingestReject: ingestRejectContract,
  ingestReopen: ingestReopenContract,
  ingestMerge: ingestMergeContract,
  ingestContradictions: ingestContradictionsContract,
  ingestContradiction: ingestContradictionContract,
  ingestUndo: ingestUndoContract,
  ingestJudge: ingestJudgeContract,
  relationshipDetail: relationshipDetailContract,
  values: valuesContract,
  perspective: perspectiveContract,
  savePerspective: savePerspectiveContract,
  resetPerspective: resetPerspectiveContract,
  exportPerspective: exportPerspectiveContract,
  saveQuery: saveQueryContract,
  deleteQuery: deleteQueryContract,
  saveView: saveViewContract,
  view: viewContract,
} as const satisfies Record<RouteName, EndpointContract>;

export const API_CONTRACTS: readonly EndpointContract[] = Object.values(CONTRACTS);
