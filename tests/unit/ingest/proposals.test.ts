import { describe, expect, it } from 'vitest';
import { extractWithText } from '../../../src/ingest/article';
import type { EventCandidate } from '../../../src/ingest/batch';
import { proposalFor } from '../../../src/ingest/review/proposals';
import { GAZETTEER } from './gazetteer';

describe('the proposed event', () => {
  it("is named after its place's entity, not the capitals of a dateline", async () => {
    const raw =
      'Missile hits school\n\nKHARKIV, Ukraine — A missile hit a school in Kharkiv overnight, officials said on Monday.\n';
    const { batch } = await extractWithText(
      { raw, format: 'txt', source: 'school.txt', meta: { published: '2026-11-10' } },
      { extractor: 'js', gazetteer: GAZETTEER },
    );
    const kharkiv = batch.candidates.find((c) => c.kind === 'entity' && c.forms.includes('Kharkiv'))!;
    const event = batch.candidates.find((c): c is EventCandidate => c.kind === 'event')!;
    // The place as a name finder may take it: the dateline's form, resolved to the Kharkiv candidate.
    const dateline = { ...event, place: { text: 'KHARKIV', span: { start: 21, end: 28 }, candidate: kharkiv.id } };
    const { decision } = proposalFor(batch, dateline, new Map());
    expect(decision).toMatchObject({ name: 'Strike in Kharkiv, 2026-11-09' });
  });
});

describe("the outlet's own name", () => {
  const raw = (outlet: string) =>
    `Substation repaired\n\nBy Ivan Petrov, ${outlet}\n\nCrews repaired the substation on Monday, ${outlet} reported.\n`;
  const proposalOf = async (outlet: string, given = outlet) => {
    const { batch } = await extractWithText(
      { raw: raw(outlet), format: 'txt', source: 'x.txt', meta: { outlet: given, published: '2026-11-10' } },
      { extractor: 'js', gazetteer: GAZETTEER },
    );
    const c = batch.candidates.find((x) => x.kind === 'entity' && x.text === outlet)!;
    return proposalFor(batch, c, new Map());
  };

  it("is the article's outlet, not a new organization beside the one its first accept creates", async () => {
    expect(await proposalOf('Harbour Wire')).toEqual({ decision: { action: 'outlet' }, blocked: null });
    // "The" aside, whatever the case.
    expect((await proposalOf('Harbour Wire', 'the harbour wire')).decision).toEqual({ action: 'outlet' });
  });

  it('is a name like any other when the outlet is another', async () => {
    expect((await proposalOf('Harbour Wire', 'Example Wire')).decision).toMatchObject({ action: 'create' });
  });
});

describe('the proposed claim', () => {
  it('is dated by a range when its sentence only gives one ("last week"), with how it was derived', async () => {
    const raw =
      'Depot fire\n\nIvan Petrov, the governor of Kharkiv region, said last week that the depot had been hit by a drone.\n';
    const { batch } = await extractWithText(
      { raw, format: 'txt', source: 'depot.txt', meta: { published: '2026-11-10' } },
      { extractor: 'js', gazetteer: GAZETTEER },
    );
    const claim = batch.candidates.find((c) => c.kind === 'claim')!;
    const { decision } = proposalFor(batch, claim, new Map());
    expect(decision).toMatchObject({
      date_from: '2026-11-02',
      date_to: '2026-11-08',
      date_basis: expect.stringContaining("'last week'"),
    });
    expect(decision).not.toHaveProperty('date');
  });
});
