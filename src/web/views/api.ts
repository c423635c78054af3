/**
 * The investigation endpoints from the browser (timeline, claims board, evidence reader). Same
 * error shape as the explorer's ApiClient; types only from src/shared, so zod stays out of the bundle.
 */
import type { ArticleEvidenceResponse, ClaimsResponse, ErrorBody, TimelineResponse } from '../../shared/api';
import { ApiError, authHeaders } from '../api/client';

async function getJson<T>(path: string, onActivity: (delta: number) => void, signal?: AbortSignal): Promise<T> {
  onActivity(1);
  try {
    let res: Response;
    try {
      res = await fetch(path, { headers: { accept: 'application/json', ...authHeaders() }, signal });
    } catch {
      if (signal?.aborted) throw new ApiError(0, 'ABORTED', 'The request was cancelled.');
      throw new ApiError(0, 'NETWORK', 'Cannot reach the newsgraph server. Is it still running?');
    }
    const body = (await res.json().catch(() => undefined)) as unknown;
    if (!res.ok) {
      const e = (body as Partial<ErrorBody> | undefined)?.error;
      throw e ? new ApiError(res.status, e.code, e.message, { param: e.param }) : new ApiError(res.status, 'BAD_RESPONSE', `The server answered ${res.status}.`);
    }
    if (body === undefined) throw new ApiError(res.status, 'BAD_RESPONSE', 'The server sent an unreadable answer.');
    return body as T;
  } finally {
    onActivity(-1);
  }
}

export class InvestigationApi {
  private inFlight = 0;
  constructor(private readonly listener: (inFlight: number) => void = () => {}) {}

  private activity = (d: number) => {
    this.inFlight += d;
    this.listener(this.inFlight);
  };

  get busy(): boolean {
    return this.inFlight > 0;
  }

  timeline(q: { from?: string; to?: string; asReportedBy?: string; granularity?: 'year' | 'month' } = {}): Promise<TimelineResponse> {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
    const qs = p.toString();
    return getJson(`/api/timeline${qs ? `?${qs}` : ''}`, this.activity);
  }

  claims(q: { event?: string; asReportedBy?: string } = {}): Promise<ClaimsResponse> {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
    const qs = p.toString();
    return getJson(`/api/claims${qs ? `?${qs}` : ''}`, this.activity);
  }

  evidence(article: string, start: number, end: number): Promise<ArticleEvidenceResponse> {
    return getJson(`/api/articles/${encodeURIComponent(article)}/evidence?start=${start}&end=${end}`, this.activity);
  }
}
