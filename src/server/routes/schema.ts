import { schemaContract } from '../../shared/api/schema';
import { describeSchema } from '../neo4j/schema';
import { fastifyPath, type RouteModule } from './context';

/** GET /api/schema */
export const schemaRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(schemaContract), async () => describeSchema(ctx.db, ctx.catalog));
};
