import { backupCreateContract, backupsListContract } from '../../../shared/api/backups';
import { fastifyPath, type RouteModule } from '../../http/context';

/** GET /api/backups and POST /api/backups (admin). Restores are a console job: npm run db:restore. */
export const backupRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(backupsListContract), async () => ({
    dir: ctx.backups.dir,
    backups: ctx.backups.list(),
    schedule: { every: ctx.backups.every, keep: ctx.backups.keep },
  }));
  app.post(fastifyPath(backupCreateContract), async (req) => ctx.backups.create(req.actor));
};
