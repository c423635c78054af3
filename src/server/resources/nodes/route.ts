import { NodeIdParamsSchema } from '../../../shared/api/common';
import {
  neighboursContract,
  NeighboursQuerySchema,
  nodeDetailContract,
  NodeDetailQuerySchema,
} from '../../../shared/api/nodes';
import { nodeDetail } from './detail';
import { orMergedAway } from '../node-edit/merged-away';
import { neighbours } from './neighbours';
import { fastifyPath, parseInput, parseQuery, type RouteModule } from '../../http/context';

/** GET /api/nodes/:id and GET /api/nodes/:id/neighbours; a merged-away node's 404 names its survivor. */
export const nodeRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(nodeDetailContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    const q = parseQuery(NodeDetailQuerySchema, req.query);
    return orMergedAway(ctx.db, ctx.merges, id, () => nodeDetail(ctx.db, id, q.asReportedBy));
  });
  app.get(fastifyPath(neighboursContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    const q = parseQuery(NeighboursQuerySchema, req.query);
    return orMergedAway(ctx.db, ctx.merges, id, () => neighbours(ctx.db, id, q));
  });
};
