import { NodeIdParamsSchema } from '../../../shared/api/common';
import {
  neighboursContract,
  NeighboursQuerySchema,
  nodeDetailContract,
  NodeDetailQuerySchema,
} from '../../../shared/api/nodes';
import { nodeDetail } from './detail';
import { neighbours } from './neighbours';
import { fastifyPath, parseInput, parseQuery, type RouteModule } from '../../http/context';

/** GET /api/nodes/:id and GET /api/nodes/:id/neighbours */
export const nodeRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(nodeDetailContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    return nodeDetail(ctx.db, id, parseQuery(NodeDetailQuerySchema, req.query).asReportedBy);
  });
  app.get(fastifyPath(neighboursContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    return neighbours(ctx.db, id, parseQuery(NeighboursQuerySchema, req.query));
  });
};
