import { relationshipDetailContract, RelationshipIdParamsSchema } from '../../../shared/api/relationships';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';
import { relationshipDetail } from './query';

/** GET /api/relationships/:id */
export const relationshipRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(relationshipDetailContract), async (req) => {
    const { id } = parseInput(RelationshipIdParamsSchema, req.params);
    return relationshipDetail(ctx.db, id);
  });
};
