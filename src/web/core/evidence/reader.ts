/**
 * The evidence reader: one quote in its article. Pure producers; an answer for a request that
 * was replaced meanwhile (another quote opened, the reader closed) is dropped.
 */
import type { ArticleEvidenceResponse } from '../../../shared/api';
import type { AppState } from '../state';

export interface ReaderRequest {
  article: string;
  start: number;
  end: number;
}

export interface ReaderState {
  request: ReaderRequest;
  status: 'loading' | 'ok' | 'error';
  data: ArticleEvidenceResponse | null;
  error: string | null;
}

export const readerLoading =
  (request: ReaderRequest) =>
  (s: AppState): AppState => ({ ...s, reader: { request, status: 'loading', data: null, error: null } });

export const readerLoaded =
  (request: ReaderRequest, data: ArticleEvidenceResponse) =>
  (s: AppState): AppState =>
    s.reader?.request === request ? { ...s, reader: { request, status: 'ok', data, error: null } } : s;

export const readerFailed =
  (request: ReaderRequest, error: string) =>
  (s: AppState): AppState =>
    s.reader?.request === request ? { ...s, reader: { request, status: 'error', data: null, error } } : s;

export const closeReader =
  () =>
  (s: AppState): AppState =>
    s.reader ? { ...s, reader: null } : s;
