import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built explorer (vite build → dist/) when it exists. Unknown non-/api GET paths get
 * index.html, so client-side routes survive a reload; /api stays JSON-only. Returns whether the
 * front end is being served.
 */
export async function registerWeb(app: FastifyInstance, webRoot: string | null | undefined): Promise<boolean> {
  if (!webRoot || !existsSync(join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    index: ['index.html'],
    wildcard: false,
    cacheControl: false, // ours below
    // Hashed assets can be cached for good; index.html must not be.
    setHeaders: (res, path) => {
      res.setHeader(
        'Cache-Control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return true;
}

/** True when a request may be answered with the SPA's index.html. */
export function wantsSpa(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  // Missing files with an extension (a stale asset) are real 404s, not app routes.
  return !/\.[A-Za-z0-9]{1,8}$/.test(path);
}
