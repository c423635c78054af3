import { schemaContract } from '../../../shared/api/schema';
import { describeSchema } from './query';
import { fastifyPath, type RouteModule } from '../../http/context';

/** GET /api/schema */
export const schemaRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(schemaContract), async () =>
    describeSchema(ctx.db, ctx.catalog, (await ctx.perspectives.current()).perspective),
  );
};
