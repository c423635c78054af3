/**
 * Contradictions read the figures as reporters write them: "no one was injured" is none injured
 * (not one), and "the blast injured two people" gives its figure after the verb. Each is proposed
 * against the graph's claim of three injured in the same explosion. Our own texts; undone after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const EVENT = 'su-34-belgorod-accidental-release-2023-04-20';
const OTHER = 'claim-gladkov-su34-three-injured';
let r: ReviewApi;
let seeded: string;
const batches: string[] = [];

beforeAll(async () => {
  await ensureSeeded();
  seeded = await graphFingerprint();
  r = await reviewApi();
});
afterAll(async () => {
  for (const b of batches.reverse()) await r.undoAll(b);
  if (r) expect(await graphFingerprint()).toBe(seeded);
  await r?.close();
});

/** Stages the text, accepts its speaker as a person and its claim about the explosion; the proposals against the graph's claim. */
async function proposalFor(file: string, text: string, speaker: string) {
  const s = await r.stage(file, text, { published: '2023-04-21', outlet: 'Example Wire' });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  const id = s.body.batch.id as string;
  batches.push(id);
  const person = (await r.batch(id)).candidates.find((c: any) => c.candidate.text === speaker);
  const typed = { ...person.decision, label: 'Person', description: 'A city official (test article).' };
  expect((await r.accept(id, person.candidate.id, typed)).status).toBe(200);
  const claim = (await r.batch(id)).candidates.find((c: any) => c.candidate.kind === 'claim');
  const acc = await r.accept(id, claim.candidate.id, { ...claim.decision, about: [EVENT] });
  expect(acc.status, JSON.stringify(acc.body)).toBe(200);
  const proposals = (await r.call('GET', `/api/ingest/batches/${id}/contradictions`)).body.contradictions;
  return proposals.find((x: any) => x.other === OTHER);
}

describe('figures in contradicting claims', () => {
  it('"no one was injured" is none injured, against three', async () => {
    const p = await proposalFor(
      'nobody.txt',
      'No injuries in Belgorod blast, official\n\nValentin Demidov, a city official, said on Friday that no one was injured in the explosion in Belgorod.',
      'Valentin Demidov',
    );
    expect(p?.reason).toBe('the figures differ: 0 injured here, 3 injured in the other claim');
  });

  it('"the explosion injured two people" gives two, against three', async () => {
    const p = await proposalFor(
      'verb-first.txt',
      'Belgorod official gives lower toll\n\nMarina Kolesova, a city official, said on Friday that the explosion injured two people in Belgorod.',
      'Marina Kolesova',
    );
    expect(p?.reason).toBe('the figures differ: 2 injured here, 3 injured in the other claim');
  });
});
