import { cypherContract, CypherRequestSchema } from '../../../shared/api/cypher';
import { runSandboxed } from '../../sandbox/sandbox';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';

/** POST /api/cypher — the sandbox (src/server/sandbox/sandbox.ts). */
export const cypherRoutes: RouteModule = (app, ctx) => {
  app.post(fastifyPath(cypherContract), async (req) => {
    const body = parseInput(CypherRequestSchema, req.body, 'body');
    return runSandboxed(ctx.db, {
      ...body,
      onWatchdog: (r) =>
        req.log.warn(
          { watchdog: r },
          `sandbox query outlived ${body.timeoutMs} ms + grace; terminate ${r.terminated ? 'succeeded' : 'failed'}`,
        ),
    });
  });
};
