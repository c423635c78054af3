/**
 * The browser's side of the API contract (src/shared/api), for every endpoint. URLs come from the
 * zod-free route table (src/shared/api/routes.ts); only types come from the contracts, so zod
 * stays out of the bundle. The server validates every request.
 *
 * One module per resource group, each adding its calls to the transport (transport.ts: requests,
 * the session and CSRF, errors): graph-calls.ts, query-calls.ts, ingest-calls.ts, admin-calls.ts.
 */
import { withAdminCalls } from './admin-calls';
import { withGraphCalls } from './graph-calls';
import { withIngestCalls } from './ingest-calls';
import { withQueryCalls } from './query-calls';
import { ApiTransport, type ApiClientOptions } from './transport';

export { ApiError, describeError, type ClientErrorCode } from './errors';
export { authHeaders, setAccessToken } from './token';
export type { ApiClientOptions, UnavailableListener } from './transport';

export class ApiClient extends withIngestCalls(withAdminCalls(withQueryCalls(withGraphCalls(ApiTransport)))) {
  // Typed here: the groups' constructors take any arguments (see TransportClass).
  constructor(opts: ApiClientOptions = {}) {
    super(opts);
  }
}
