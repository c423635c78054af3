/**
 * A timeline too big for the database's per-query memory (or time) shows a short sentence of ours
 * in the strip, not Neo4j's; the answer is 507, which the client takes for neither an outage (no
 * banner) nor something to send again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError } from '../../../../src/web/api/client';
import { timelineError } from '../../../../src/web/app/timeline';

const NEO4J_SENTENCE = 'The allocation of an extra 2.0 MiB would use more than the limit 256.0 MiB.';

afterEach(() => vi.unstubAllGlobals());

describe('the timeline strip on a memory limit', () => {
  it('says it briefly, without the database sentence, and is no outage', async () => {
    const sent = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: { code: 'MEMORY_LIMIT', message: `The query needed more memory: ${NEO4J_SENTENCE}` },
          }),
          { status: 507, headers: { 'content-type': 'application/json' } },
        ),
    );
    vi.stubGlobal('fetch', sent);
    const onUnavailable = vi.fn();
    const api = new ApiClient({ onUnavailable });
    const e = await api.timeline({ granularity: 'month' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).isUnavailable).toBe(false);
    expect(onUnavailable).not.toHaveBeenCalled();
    expect(sent).toHaveBeenCalledTimes(1);
    const shown = timelineError(e);
    expect(shown).not.toContain('MiB');
    expect(shown.length).toBeLessThan(90);
    expect(timelineError(new ApiError(504, 'TIMEOUT', 'The query took longer…'))).toBe(shown);
  });

  it('other errors keep their own message', () => {
    expect(timelineError(new ApiError(400, 'BAD_REQUEST', 'to: must not be before `from`'))).toBe(
      'to: must not be before `from`',
    );
  });
});
