/**
 * An undo refused because a later accept links to what it would remove: the 409 names the node,
 * and says which later accept (and its candidates) is in the way, so the explorer can word it with
 * that item's name. Undoing that one first lets the first undo through; the graph is as seeded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const FIX = join(__dirname, '../../fixtures/ingest');
let r: ReviewApi | undefined;
let seeded: string;

beforeAll(async () => {
  seeded = await seededFingerprint();
});
afterEach(() => reseedIfChanged(seeded));
afterAll(async () => {
  await r?.close();
});

describe('undo of an accept a later one depends on', () => {
  it('is refused with a 409 that names the node and the later accept in the way', async () => {
    r = await reviewApi();
    const s = await r.stage('wire-report.html', readFileSync(join(FIX, 'wire-report.html')));
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id as string;
    // The region (creates the article), the new person Anton Veresov, then his GOVERNOR_OF the region.
    for (const c of ['e1', 'e4', 'r1']) {
      const a = await r.accept(id, c);
      expect(a.status, JSON.stringify(a.body)).toBe(200);
    }
    const accepts = (await r.batch(id)).accepts as { id: number; candidates: string[] }[];
    const person = accepts.find((a) => a.candidates.includes('e4'))!;
    const office = accepts.find((a) => a.candidates.includes('r1'))!;

    const refused = await r.call('POST', `/api/ingest/accepts/${person.id}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('UNDO_BLOCKED');
    expect(refused.body.error.blockedBy).toMatchObject({ acceptId: office.id, candidates: office.candidates });
    expect(refused.body.error.blockedBy.label).toMatch(/GOVERNOR_OF with ".+"/);
    expect(refused.body.error.message).toContain('"Anton Veresov" is used by accept');

    for (const a of [office, person, accepts[0]!]) {
      const u = await r.call('POST', `/api/ingest/accepts/${a.id}/undo`);
      expect(u.status, JSON.stringify(u.body)).toBe(200);
    }
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('names a later accept of another article (its batch and title) when that one is in the way', async () => {
    await r?.close();
    r = await reviewApi();
    const html = readFileSync(join(FIX, 'wire-report.html'), 'utf8');
    const a = (await r.stage('wire-report.html', html)).body.batch.id as string;
    for (const c of ['e1', 'e4']) expect((await r.accept(a, c)).status).toBe(200);
    const person = ((await r.batch(a)).accepts as { id: number; candidates: string[] }[]).find((x) =>
      x.candidates.includes('e4'),
    )!;
    // A variant of the same report, staged as another article, whose GOVERNOR_OF links the same person.
    const title = 'Drone strike cuts power in Kursk region (updated)';
    const variant = html.replaceAll('Drone strike cuts power in Kursk region, governor says', title);
    const s = await r.stage(
      'variant.html',
      variant
        .replace('late Friday', 'late on Friday')
        .replace('kursk-substation-drone', 'kursk-substation-drone-update'),
    );
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const b = s.body.batch.id as string;
    const office = (await r.batch(b)).candidates.find(
      (v: { candidate: { kind: string; type?: string } }) =>
        v.candidate.kind === 'relationship' && v.candidate.type === 'GOVERNOR_OF',
    ).candidate.id as string;
    const acc = await r.accept(b, office);
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    const later = acc.body.outcome.acceptId as number;

    const refused = await r.call('POST', `/api/ingest/accepts/${person.id}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.blockedBy).toMatchObject({ acceptId: later, batchId: b, article: title });
    expect(refused.body.error.message).toContain(`used by accept ${later} of the article "${title}"`);

    await r.undoAll(b);
    await r.undoAll(a);
    expect(await graphFingerprint()).toBe(seeded);
  });
});
