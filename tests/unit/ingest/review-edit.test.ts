/**
 * The review's edit form and judgements, pure: an edited quote must stay an exact slice of ≤ 30
 * words (nearest the extractor's span), the form makes the decision the server expects, and a
 * pair judged "not the same" leaves the batch under review (an "unsure" one is flagged).
 */
import { describe, expect, it } from 'vitest';
import type { Batch, Candidate, EntityCandidate, LinkCandidate } from '../../../src/ingest/batch';
import type { EntityDecision } from '../../../src/ingest/review/decision';
import { withJudgements } from '../../../src/ingest/review/judged';
import { decisionOf, formOf, quoteSpanFor, trimToWords, wordsIn } from '../../../src/web/core/ingest/edit';

const TEXT =
  'Gladkov said two people were injured. Later, Gladkov said two people were injured and one ' +
  'building was damaged when a drone hit the substation near the town overnight, according to officials ' +
  'who spoke on condition of anonymity to the regional wire service on Saturday morning.';

/** Where the second "Gladkov said…" starts. */
const AT = TEXT.indexOf('Gladkov', 10);
const extractor = { name: 'js', version: '1' };
const base = { confidence: 0.8, extractor, notes: [] as string[] };
/** What every candidate has: its quote at `start`, and the span it was found at (the quote's by default). */
const candidate = (
  id: string,
  kind: string,
  quote: string,
  start: number,
  span = { start, end: start + quote.length },
) => ({
  ...base,
  id,
  kind,
  spans: [span],
  quote,
  quoteSpan: { start, end: start + quote.length },
});
const claim: Candidate = {
  ...candidate('c1', 'claim', TEXT.slice(AT, AT + 44), AT, { start: AT, end: AT + 7 }),
  claimant: { text: 'Gladkov', entityId: 'vyacheslav-gladkov' },
  statement: 'two people were injured',
  statementSpan: { start: AT + 13, end: AT + 36 },
  stance: [],
} as unknown as Candidate;

describe('an edited quote', () => {
  it('is found as an exact slice, the occurrence nearest the original span', () => {
    const q = 'Gladkov said two people were injured';
    const r = quoteSpanFor(TEXT, `  ${q} `, { start: AT, end: AT + 80 });
    expect(r).toEqual({ span: { start: AT, end: AT + q.length } });
    expect(quoteSpanFor(TEXT, q, { start: 0, end: 10 })).toEqual({ span: { start: 0, end: q.length } });
  });

  it('is refused when it is not in the text, empty, or over 30 words', () => {
    expect(quoteSpanFor(TEXT, 'Gladkov said three people', { start: 0, end: 9 })).toMatchObject({
      error: expect.stringMatching(/not an exact slice/),
    });
    expect(quoteSpanFor(TEXT, '   ', { start: 0, end: 9 })).toMatchObject({ error: 'the quote is empty' });
    const long = TEXT.slice(AT);
    expect(wordsIn(long)).toBeGreaterThan(30);
    expect(quoteSpanFor(TEXT, long, { start: AT, end: TEXT.length })).toMatchObject({
      error: expect.stringMatching(/words; keep at most 30/),
    });
  });

  it('trims to 30 words at a word boundary, leaving an exact slice that passes the check', () => {
    const t = trimToWords(TEXT, { start: AT - 1, end: TEXT.length });
    const q = TEXT.slice(t.start, t.end);
    expect(wordsIn(q)).toBe(30);
    expect(q.startsWith('Gladkov said')).toBe(true);
    expect(/[\s,]$/.test(q)).toBe(false);
    expect(quoteSpanFor(TEXT, q, { start: AT - 1, end: TEXT.length })).toEqual({ span: t });
  });
});

describe('the edit form', () => {
  it('makes a claim decision with the claimant, events, statement and the trimmed quote', () => {
    const f = formOf(claim, null, TEXT);
    expect(f).toMatchObject({ claimant: 'vyacheslav-gladkov', quote: TEXT.slice(AT, AT + 44) });
    expect(decisionOf(claim, null, f, TEXT)).toEqual({
      error: 'give the event(s) the claim is about, or name a new event',
    });
    const edited = { ...f, about: 'su-34-strike, cand:v1', statement: 'Two people were hurt.', quote: 'Gladkov said' };
    const r = decisionOf(claim, null, edited, TEXT);
    expect(r).toEqual({
      decision: {
        stance: 'states',
        claimant: 'vyacheslav-gladkov',
        about: ['su-34-strike', 'cand:v1'],
        statement: 'Two people were hurt.',
        status: 'uncontested',
        quoteSpan: { start: AT, end: AT + 'Gladkov said'.length },
      },
    });
  });

  it("keeps the proposed claim's date range, which the form does not show, when it sends the edit", () => {
    const base = {
      claimant: 'vyacheslav-gladkov',
      about: ['su-34-strike'],
      statement: 'Two people were hurt.',
      stance: 'states',
      status: 'uncontested' as const,
      date_from: '2023-04-17',
      date_to: '2023-04-23',
      date_basis: "article published 2023-04-24 says 'last week'",
      quoteSpan: claim.quoteSpan,
    };
    const f = { ...formOf(claim, base, TEXT), statement: 'Three people were hurt.' };
    expect(decisionOf(claim, base, f, TEXT)).toMatchObject({
      decision: { statement: 'Three people were hurt.', date_from: '2023-04-17', date_to: '2023-04-23' },
    });
  });

  describe("a claim's date", () => {
    const dated = {
      claimant: 'vyacheslav-gladkov',
      about: ['su-34-strike'],
      statement: 'Two people were hurt.',
      stance: 'states',
      status: 'uncontested' as const,
      date: '2023-04-20',
      date_basis: "article published 2023-04-21 says 'yesterday'",
      quoteSpan: claim.quoteSpan,
    };
    const form = formOf(claim, dated, TEXT);

    it('is shown: the day or the range, and its basis', () => {
      expect(form).toMatchObject({ date: '2023-04-20', dateFrom: '', dateTo: '', dateBasis: dated.date_basis });
      const ranged = { ...dated, date: undefined, date_from: '2023-04-17', date_to: '2023-04-23' };
      expect(formOf(claim, ranged, TEXT)).toMatchObject({ date: '', dateFrom: '2023-04-17', dateTo: '2023-04-23' });
    });

    it('is changed from a day to a range, the day dropped, with the new basis', () => {
      const f = { ...form, date: '', dateFrom: '2023-04-10', dateTo: '2023-04-16', dateBasis: 'the week before' };
      const r = decisionOf(claim, dated, f, TEXT);
      expect(r).toEqual({
        decision: {
          ...dated,
          date: undefined,
          date_from: '2023-04-10',
          date_to: '2023-04-16',
          date_basis: 'the week before',
        },
      });
      expect(Object.keys((r as { decision: object }).decision)).not.toContain('date');
    });

    it('is cleared with its basis when every date field is emptied', () => {
      const r = decisionOf(claim, dated, { ...form, date: '', dateBasis: '' }, TEXT) as { decision: object };
      expect(r.decision).toMatchObject({ claimant: 'vyacheslav-gladkov', statement: 'Two people were hurt.' });
      for (const k of ['date', 'date_from', 'date_to', 'date_basis']) expect(Object.keys(r.decision)).not.toContain(k);
    });

    it('is refused before the round trip: from after to, a day with a range, bad text, no basis', () => {
      const check = (f: Partial<typeof form>) => decisionOf(claim, dated, { ...form, ...f }, TEXT);
      expect(check({ date: '', dateFrom: '2023-04-23', dateTo: '2023-04-17' })).toEqual({
        error: 'the date range ends before it starts (2023-04-23 is after 2023-04-17)',
      });
      expect(check({ dateFrom: '2023-04-17', dateTo: '2023-04-23' })).toEqual({
        error: 'give either a day or a from–to range, not both',
      });
      expect(check({ date: '20 April 2023' })).toEqual({
        error: 'the day "20 April 2023" is not a date: write it YYYY-MM-DD',
      });
      expect(check({ date: '', dateTo: '2023-02-30' })).toMatchObject({
        error: /range end \(to\) "2023-02-30" is not/,
      });
      expect(check({ dateBasis: '  ' })).toEqual({ error: 'say how the date was derived (date basis)' });
      // An open range is a range (the seed format allows either end alone).
      expect(check({ date: '', dateFrom: '2023-04-17' })).toMatchObject({
        decision: { date_from: '2023-04-17', date_basis: dated.date_basis },
      });
    });
  });

  it("edits a new event's date the same way, and leaves a graph event's alone", () => {
    const ev = {
      ...candidate('v1', 'event', 'Gladkov said', 0),
      trigger: 'hit',
      eventKind: 'strike',
      participants: [],
    };
    const event = ev as unknown as Candidate;
    const create = {
      action: 'create' as const,
      name: 'Strike in Belgorod',
      kind: 'strike',
      description: 'Strike reported in the article.',
      date: '2023-04-20',
      date_basis: 'the article says so',
      weapons: [],
      quoteSpan: ev.quoteSpan,
    };
    const f = formOf(event, create, TEXT);
    expect(f).toMatchObject({ name: 'Strike in Belgorod', date: '2023-04-20', dateBasis: 'the article says so' });
    expect(decisionOf(event, create, { ...f, date: '2023-04-21' }, TEXT)).toEqual({
      decision: { ...create, date: '2023-04-21' },
    });
    expect(decisionOf(event, create, { ...f, dateFrom: '2023-04-19' }, TEXT)).toEqual({
      error: 'give either a day or a from–to range, not both',
    });
    const link = { action: 'link' as const, entityId: 'su-34-strike', weapons: [], quoteSpan: ev.quoteSpan };
    expect(formOf(event, link, TEXT)).toMatchObject({ date: '', dateFrom: '', dateTo: '' });
    expect(decisionOf(event, link, formOf(event, link, TEXT), TEXT)).toEqual({ decision: link });
  });

  it('makes a new entity with the chosen name and label, keeping the spellings as aliases', () => {
    const e = {
      ...candidate('e1', 'entity', 'Gladkov', 0),
      text: 'Gladkov',
      type: 'UNKNOWN',
      forms: ['Gladkov'],
      sources: ['js'],
    } as EntityCandidate;
    const proposed: EntityDecision = {
      action: 'create',
      label: 'Person',
      name: 'Gladkov',
      aliases: ['Gladkov'],
      description: 'Entity named in "X".',
    };
    const f = { ...formOf(e, proposed, TEXT), name: 'Vyacheslav Gladkov' };
    expect(decisionOf(e, proposed, f, TEXT)).toEqual({ error: 'choose what it is' });
    expect(decisionOf(e, proposed, { ...f, label: 'Person' }, TEXT)).toEqual({
      decision: {
        action: 'create',
        label: 'Person',
        name: 'Vyacheslav Gladkov',
        aliases: ['Vyacheslav Gladkov', 'Gladkov'],
        description: 'Person named in "X".',
      },
    });
  });

  it('refuses a relationship type that is not UPPER_SNAKE_CASE', () => {
    const r = {
      ...candidate('r1', 'relationship', 'Gladkov said', 0, { start: 0, end: 7 }),
      type: 'GOVERNOR_OF',
      from: { text: 'Gladkov', entityId: 'vyacheslav-gladkov' },
      to: { text: 'region' },
    } as unknown as Candidate;
    const f = { ...formOf(r, null, TEXT), to: 'belgorod-oblast' };
    expect(decisionOf(r, null, { ...f, type: 'governor of' }, TEXT)).toMatchObject({ error: /UPPER_SNAKE_CASE/ });
    expect(decisionOf(r, null, { ...f, type: 'HEADS' }, TEXT)).toEqual({
      decision: {
        properties: {},
        type: 'HEADS',
        from: 'vyacheslav-gladkov',
        to: 'belgorod-oblast',
        quoteSpan: { start: 0, end: 12 },
      },
    });
  });
});

describe('judgements on the batch under review', () => {
  const CAUTION = '"Mikhail Podolyar" is 1 edit from "Mikhail Podolyan"';
  const entity = {
    ...candidate('e1', 'entity', 'Mikhail Podolyar', 0),
    notes: [CAUTION],
    text: 'Mikhail Podolyar',
    type: 'PERSON',
    forms: ['Mikhail Podolyar'],
    sources: ['js'],
  } as EntityCandidate;
  const option = (entityId: string) => ({
    entityId,
    name: entityId,
    labels: ['Person'],
    matched: entityId,
    score: 0.8,
    signals: {
      exactAlias: false,
      editDistance: 1,
      phonetic: false,
      transliterated: false,
      surname: false,
      sameLabel: true,
    },
  });
  const link = {
    ...base,
    id: 'l1',
    kind: 'link',
    spans: entity.spans,
    quote: entity.quote,
    quoteSpan: entity.quoteSpan,
    entity: 'e1',
    decision: 'review',
    options: [{ ...option('mykhailo-podolyak'), caution: CAUTION }, option('someone-else')],
  } as LinkCandidate;
  const batch = { candidates: [entity, link] } as unknown as Batch;
  const linkOf = (b: Batch) => b.candidates.find((c) => c.kind === 'link') as LinkCandidate;

  it('drops an option judged not the same and flags one judged unsure', () => {
    const b = withJudgements(batch, [
      { left: { form: 'mikhail  podolyar' }, right: { entityId: 'mykhailo-podolyak' }, verdict: 'not-same' },
      { left: { form: 'Mikhail Podolyar' }, right: { entityId: 'someone-else' }, verdict: 'unsure' },
    ]);
    const l = linkOf(b);
    expect(l.options.map((o) => [o.entityId, o.judgedUnsure])).toEqual([['someone-else', true]]);
    expect(l.notes.join(' ')).toMatch(/not proposing mykhailo-podolyak/);
    // The entity's row says so too, and no longer carries the dropped option's caution.
    const e = b.candidates.find((c) => c.kind === 'entity')!;
    expect(e.notes).toEqual(['not proposing mykhailo-podolyak: judged not the same']);
    expect(linkOf(batch).options).toHaveLength(2); // the stored batch is untouched
  });

  it('turns an automatic link to a doubted entity into a review decision', () => {
    const auto = { ...link, decision: 'auto', entityId: 'mykhailo-podolyak' } as LinkCandidate;
    const b = withJudgements({ candidates: [entity, auto] } as unknown as Batch, [
      { left: { form: 'Mikhail Podolyar' }, right: { entityId: 'mykhailo-podolyak' }, verdict: 'unsure' },
    ]);
    expect(linkOf(b)).toMatchObject({ decision: 'review' });
    expect(linkOf(b).entityId).toBeUndefined();
    // Judgements on other pairs leave it as it was.
    const same = withJudgements({ candidates: [entity, auto] } as unknown as Batch, [
      { left: { form: 'Someone' }, right: { entityId: 'mykhailo-podolyak' }, verdict: 'not-same' },
    ]);
    expect(linkOf(same)).toBe(auto);
  });
});
