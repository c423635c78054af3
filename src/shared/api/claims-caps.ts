/**
 * Caps of GET /api/claims, in a zod-free module so the web bundle can import them without pulling
 * zod in (src/web imports only types from src/shared/api's index).
 */

/** Most claims the board reads in one answer (then `truncated`). */
export const CLAIMS_MAX = 5_000;
