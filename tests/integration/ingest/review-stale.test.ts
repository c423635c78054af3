/**
 * Two reviewers on one batch: an action sent from a view of a candidate that someone has changed
 * since (an edit, a reject) is refused with a 409 that says who changed it and what it is now, so
 * an accept never writes an edit its reviewer did not see. An action from the current view works.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const FIX = join(__dirname, '../../fixtures/ingest');
let r: ReviewApi | undefined;
let seeded: string;

beforeAll(async () => {
  seeded = await seededFingerprint();
});
afterEach(async () => {
  await reseedIfChanged(seeded);
  await r?.close();
  r = undefined;
});

const seenOf = (view: any, id: string): string => view.candidates.find((c: any) => c.candidate.id === id).seen;

describe('actions from a stale view of a candidate', () => {
  it('are refused with a 409 naming who changed it; from the current view they work', async () => {
    r = await reviewApi();
    const staged = await r.stage('wire-report.html', readFileSync(join(FIX, 'wire-report.html')));
    expect(staged.status, JSON.stringify(staged.body)).toBe(200);
    const id = staged.body.batch.id as string;
    const url = (c: string, what = '') => `/api/ingest/batches/${id}/candidates/${c}${what}`;
    const opened = await r.batch(id); // what "ed" shows
    const e4 = opened.candidates.find((c: any) => c.candidate.id === 'e4');
    const seen = seenOf(opened, 'e4');
    expect(typeof seen).toBe('string');

    // "eve" renames the person.
    const renamed = { ...e4.decision, name: 'Anton Veresoff' };
    const edit = await r.call('PATCH', url('e4'), { decision: renamed, seen });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const now = seenOf(edit.body.batch, 'e4');
    expect(now).not.toBe(seen);

    // "ed" acts on what he was shown: every action is refused, nothing is written.
    for (const [method, what, body] of [
      ['POST', '/accept', { seen }],
      ['POST', '/reject', { seen }],
      ['POST', '/merge', { into: 'vyacheslav-gladkov', seen }],
      ['PATCH', '', { decision: e4.decision, seen }],
    ] as const) {
      const res = await r.call(method, url('e4', what), body);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(409);
      expect(res.body.error.message).toMatch(
        /e4 .*changed by local.* since you opened it: now edited \("Anton Veresoff"\)/i,
      );
    }
    expect(await graphFingerprint()).toBe(seeded);
    expect(seenOf(await r.batch(id), 'e4')).toBe(now);

    // From the current view the accept writes what was shown.
    const ok = await r.call('POST', url('e4', '/accept'), { seen: now });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const after = await r.batch(id);
    expect(after.candidates.find((c: any) => c.candidate.id === 'e4').decision.name).toBe('Anton Veresoff');
    // A client that sends no stamp (scripts) is not checked.
    expect((await r.call('POST', url('e1', '/reject'), {})).status).toBe(200);
  });
});
