/**
 * A node merged into another since it was linked, saved in a view or put in the history: the
 * server's 404 names the survivor (`mergedInto`); the status line says so and offers to open it.
 */
import { ApiError } from '../api/errors';
import type { Explorer } from './explorer';

/** Says "X was merged into Y" with an "Open Y" button when `e` is such a 404; false for any other error. */
export function offerSurvivor(app: Explorer, e: unknown): boolean {
  const to = e instanceof ApiError ? e.details.mergedInto : undefined;
  if (!to) return false;
  const into = to.name ?? to.key ?? 'another entity';
  app.shell.setStatus('error', `${to.duplicate ?? 'This node'} was merged into ${into}.`, {
    ref: to.key ?? to.id,
    caption: into,
  });
  return true;
}
