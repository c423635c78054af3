/**
 * Caps of POST /api/edges/between, in a zod-free module so the web bundle can import them
 * without pulling zod in (src/web/api/client.ts imports only types from src/shared/api).
 */
export const EDGES_BETWEEN_MAX_NODES = 500; // the neighbours endpoint's largest page
export const EDGES_BETWEEN_MAX_AMONG = 4_000; // ~45-character element ids: ~200 KB, under the 256 KB body limit
export const EDGES_BETWEEN_DEFAULT_LIMIT = 1_000;
export const EDGES_BETWEEN_MAX_LIMIT = 5_000;
