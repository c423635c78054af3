/**
 * The API with ingest configured for tests: the JS name finder (no JVM), texts in a temporary
 * folder, a private in-memory app store (so its audit trail and staging are the test's own), on
 * the seeded test Neo4j. `call` speaks any method; `stage` adds an article as the dialog does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { createAudit } from '../../../../src/server/audit/audit';
import { openAppStore, type AppStore } from '../../../../src/runtime/store/app-store';
import { makeTestApi, type TestApi } from '../../../support/api';

export interface ReviewApi {
  api: TestApi;
  store: AppStore;
  textDir: string;
  call<T = any>(method: InjectOptions['method'], url: string, payload?: unknown): Promise<{ status: number; body: T }>;
  stage(name: string, content: string | Buffer, meta?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** The batch view. */
  batch(id: string): Promise<any>;
  accept(batch: string, candidate: string, decision?: unknown): Promise<{ status: number; body: any }>;
  /** Undoes the batch's committed accepts, newest first; each undo must succeed. */
  undoAll(batch: string): Promise<void>;
  audit(action?: string): ReturnType<ReturnType<typeof createAudit>['list']>;
  close(): Promise<void>;
}

export async function reviewApi(envVars: Record<string, string> = {}): Promise<ReviewApi> {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-review-'));
  const store = openAppStore(':memory:');
  const api = await makeTestApi({
    store,
    envVars: { NEWSGRAPH_EXTRACTOR: 'js', NEWSGRAPH_INGEST_DIR: dir, ...envVars },
  });
  const audit = createAudit(store);
  const call = async (method: InjectOptions['method'], url: string, payload?: unknown) => {
    const r = await api.app.inject({ method, url, payload: payload as InjectOptions['payload'] });
    let body: any = r.body;
    try {
      body = r.json();
    } catch {
      /* not JSON */
    }
    return { status: r.statusCode, body };
  };
  return {
    api,
    store,
    textDir: join(dir, 'articles'),
    call,
    stage: (name, content, meta = {}) =>
      call('POST', '/api/ingest/articles', {
        base64: (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64'),
        name,
        meta,
      }),
    batch: async (id) => (await call('GET', `/api/ingest/batches/${id}`)).body.batch,
    accept: (b, c, decision) =>
      call('POST', `/api/ingest/batches/${b}/candidates/${c}/accept`, decision === undefined ? {} : { decision }),
    undoAll: async (b) => {
      const view = (await call('GET', `/api/ingest/batches/${b}`)).body.batch;
      for (const a of [...view.accepts].reverse().filter((x: any) => x.state === 'committed')) {
        const u = await call('POST', `/api/ingest/accepts/${a.id}/undo`);
        expect(u.status, JSON.stringify(u.body)).toBe(200);
      }
    },
    audit: (action) => audit.list({ action, limit: 1000 }),
    close: async () => {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
