import { DEFAULT_ARTICLES_DIR } from '../../../src/runtime/paths';
import { makeTestApi, type TestApi } from '../../support/api';

/** The real API (buildApp, every route) on the test Neo4j, with the article texts taken from `articlesDir`. */
export function investigationApp(articlesDir = DEFAULT_ARTICLES_DIR): Promise<TestApi> {
  return makeTestApi({ envVars: { ARTICLES_DIR: articlesDir } });
}

/** GET and parse JSON; returns status and body. */
export async function getJson<T = any>(api: TestApi, url: string): Promise<{ status: number; body: T }> {
  const r = await api.get<T>(url);
  return { status: r.status, body: r.body };
}
