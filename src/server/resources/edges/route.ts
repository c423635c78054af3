import { edgesBetweenContract, EdgesBetweenBodySchema } from '../../../shared/api/edges';
import { edgesBetween } from './query';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';

/** POST /api/edges/between — "connect result nodes" after an expansion (contract: src/shared/api/edges.ts). */
export const edgeRoutes: RouteModule = (app, ctx) => {
  app.post(fastifyPath(edgesBetweenContract), async (req) => {
    const body = parseInput(EdgesBetweenBodySchema, req.body, 'body');
    return edgesBetween(ctx.db, body.nodes, body.among, body.limit);
  });
};
