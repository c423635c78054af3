/**
 * A decision the reviewer sends that does not fit its candidate: a 400 naming the field of that
 * candidate's kind (never another kind's "unknown fields"), and nothing staged or written. A
 * judgement about an entity the graph does not have is refused too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const FIX = join(__dirname, '../../fixtures/ingest');
let r: ReviewApi;
let seeded: string;

beforeAll(async () => {
  await ensureSeeded();
  seeded = await graphFingerprint();
  r = await reviewApi();
});
afterAll(async () => {
  await r?.close();
});

describe('a decision that does not fit its candidate', () => {
  it('is refused with a 400 that names its field, on edit and on accept', async () => {
    const s = await r.stage('wire-report.html', readFileSync(join(FIX, 'wire-report.html')));
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id as string;
    const view = await r.batch(id);
    const e4 = view.candidates.find((c: any) => c.candidate.id === 'e4');
    expect(e4.decision).toMatchObject({ action: 'create', label: 'Person' });
    const { description: _d, ...noDescription } = e4.decision;

    const edit = await r.call('PATCH', `/api/ingest/batches/${id}/candidates/e4`, { decision: noDescription });
    expect(edit.status).toBe(400);
    expect(edit.body.error).toMatchObject({ param: 'body.decision', message: 'e4: description: is required' });

    const extra = await r.call('PATCH', `/api/ingest/batches/${id}/candidates/e4`, {
      decision: { ...e4.decision, colour: 'red' },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toBe('e4: decision: unknown field(s) colour');

    const accept = await r.accept(id, 'e4', { ...e4.decision, label: 'Vehicle' });
    expect(accept.status).toBe(400);
    expect(accept.body.error.message).toMatch(/^e4: label: /);

    const notObject = await r.call('PATCH', `/api/ingest/batches/${id}/candidates/e4`, { decision: 'create' });
    expect(notObject.status).toBe(400);

    const after = await r.batch(id);
    expect(after.counts).toMatchObject({ pending: view.counts.pending, accepted: 0 });
    expect(after.accepts).toEqual([]);
    expect(await graphFingerprint()).toBe(seeded);
  });
});

describe('a judgement about an entity the graph does not have', () => {
  it('is refused with a 400 naming the side, and nothing is recorded', async () => {
    const before = r.audit('ingest.judge').length;
    const bad = await r.call('POST', '/api/ingest/judgements', {
      left: { form: 'V. Gladkov' },
      right: { entityId: 'no-such-entity' },
      verdict: 'same',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      param: 'body.right.entityId',
      message: 'body.right.entityId: no entity in the graph has the id "no-such-entity"',
    });
    const left = await r.call('POST', '/api/ingest/judgements', {
      left: { entityId: 'nobody-at-all' },
      right: { entityId: 'vyacheslav-gladkov' },
      verdict: 'not-same',
    });
    expect(left.body.error?.param).toBe('body.left.entityId');
    const good = await r.call('POST', '/api/ingest/judgements', {
      left: { form: 'V. Gladkov' },
      right: { entityId: 'vyacheslav-gladkov' },
      verdict: 'same',
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(r.audit('ingest.judge').length).toBe(before + 1);
  });
});
