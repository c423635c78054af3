import { createHash } from 'node:crypto';
import { NodeIdParamsSchema } from '../../../shared/api/common';
import {
  neighboursContract,
  NeighboursQuerySchema,
  nodeDetailContract,
  NodeDetailQuerySchema,
} from '../../../shared/api/nodes';
import { commitMark } from '../../db/runner';
import { nodeDetail } from './detail';
import { neighbours } from './neighbours';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';

/** GET /api/nodes/:id and GET /api/nodes/:id/neighbours */
export const nodeRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(nodeDetailContract), async (req, reply) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    const { asReportedBy } = parseInput(NodeDetailQuerySchema, req.query);
    // The detail is valid until the database commits anything (by anyone): its ETag is the commit
    // mark, read BEFORE the detail so a write committed meanwhile makes the next request read afresh.
    // The browser keeps the copy and revalidates it (no-cache): an unchanged graph costs one trivial
    // round trip and a 304, a changed one the new detail.
    const mark = await commitMark(ctx.db).catch(() => null);
    const etag = mark === null ? null : `"${createHash('sha256').update(mark).digest('base64url').slice(0, 22)}"`;
    if (etag && req.headers['if-none-match'] === etag) {
      reply.header('Cache-Control', 'private, no-cache').header('ETag', etag);
      return reply.code(304).send();
    }
    const detail = await nodeDetail(ctx.db, id, asReportedBy);
    if (etag) reply.header('Cache-Control', 'private, no-cache').header('ETag', etag);
    return detail;
  });
  app.get(fastifyPath(neighboursContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    return neighbours(ctx.db, id, parseInput(NeighboursQuerySchema, req.query));
  });
};
