/**
 * Caps of GET /api/search, in a zod-free module so the web bundle can import them without pulling
 * zod in (src/web imports only types from src/shared/api's index).
 */

/** The longest search text the API takes; the search box stops typing or pasting there. */
export const SEARCH_MAX_CHARS = 200;
