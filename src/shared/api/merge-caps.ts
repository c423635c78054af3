/**
 * Caps of the entity merge and its undo, in a zod-free module so the web bundle can import them
 * without pulling zod in (src/web imports only types from src/shared/api's index).
 */

/** The most moved relationships a merge or its undo returns to draw (an expansion's default page). */
export const MERGE_DRAW_MAX = 100;

/** The most rewritten relationships a merge or its undo lists (their `according_to`) for a client to read again. */
export const REWRITTEN_RELATIONSHIPS_MAX = 1000;
