/**
 * A claim's new event, the staging side, pure: the event candidate it adds (the claim's quote, at
 * most 30 words, `forClaim`, a create decision), a name an event of the batch goes by refused with
 * its reference (an event of the batch edited to another's name too), what a claim's accept writes first, bulk accept never taking it alone, and the
 * event taken out again once nothing points at it; the name a decision creates an event under and the
 * refusals' words for a claim or an event.
 */
import { describe, expect, it } from 'vitest';
import { extractWithText } from '../../../src/ingest/article';
import { batchProblems, wordCount, type Batch, type ClaimCandidate } from '../../../src/ingest/batch';
import type { ClaimDecision } from '../../../src/ingest/review/decision';
import {
  batchEventNamed,
  batchEventRefusal,
  createdEventName,
  eventsNamedFor,
  graphEventRefusal,
  stagedEventRefusal,
  withNewEvent,
  withoutOrphans,
} from '../../../src/ingest/review/new-event';
import { proposalFor } from '../../../src/ingest/review/proposals';
import type { DecisionRow } from '../../../src/ingest/staging/store';
import { bulkCandidates, CLAIM_NEEDS_EVENT, decisionOf } from '../../../src/ingest/review/view';
import { GAZETTEER } from './gazetteer';

const RAW =
  'Depot fire\n\nIvan Petrov, the governor of Kharkiv region, said that a fire at the fuel depot on the edge of the ' +
  'town had been put out overnight by crews who came from three villages nearby and that nobody had been hurt in it.\n';

async function staged(): Promise<{ batch: Batch; text: string; claim: ClaimCandidate; decision: ClaimDecision }> {
  const { batch, text } = await extractWithText(
    { raw: RAW, format: 'txt', source: 'depot.txt', meta: { published: '2026-11-10' } },
    { extractor: 'js', gazetteer: GAZETTEER },
  );
  const claim = batch.candidates.find((c): c is ClaimCandidate => c.kind === 'claim')!;
  const decision = proposalFor(batch, claim, new Map()).decision as ClaimDecision;
  return { batch, text, claim, decision: { ...decision, claimant: 'ivan-petrov' } };
}

const row = (candidate: string, state: DecisionRow['state'], edit: unknown): DecisionRow => ({
  candidate,
  state,
  edit,
  result: state === 'accepted' ? { entityId: 'x' } : null,
  acceptId: null,
  at: '2026-11-10T10:00:00Z',
  by: 'ed',
});

/** The claim's edit naming a new event "Depot fire", saved on a batch with no decisions yet. */
const depotFire = (s: Awaited<ReturnType<typeof staged>>) =>
  withNewEvent(
    s.batch,
    s.claim,
    { ...s.decision, newEvent: { name: 'Depot fire', kind: 'fire' } },
    new Map(),
    s.text,
    'ed',
  );

describe("a claim's new event in the batch", () => {
  it("is an event candidate with the claim's quote (≤ 30 words), named for the claim, that the claim is about", async () => {
    const { batch, text, claim, decision } = await staged();
    const span = { start: claim.quoteSpan.start, end: text.length - 1 };
    expect(wordCount(text.slice(span.start, span.end))).toBeGreaterThan(30);
    const named = { ...decision, quoteSpan: span, newEvent: { name: 'Depot fire', kind: 'fire' } };
    const r = withNewEvent(batch, claim, named, new Map(), text, 'ed');
    expect(batchProblems(r.batch, text)).toEqual([]);
    expect(r.event).toMatchObject({ kind: 'event', forClaim: claim.id, trigger: 'Depot fire', eventKind: 'fire' });
    expect(wordCount(r.event.quote)).toBe(30);
    expect(text.slice(r.event.quoteSpan.start, r.event.quoteSpan.end)).toBe(r.event.quote);
    expect(r.eventDecision).toMatchObject({ action: 'create', name: 'Depot fire', quoteSpan: r.event.quoteSpan });
    expect(r.claimDecision.about).toEqual([`cand:${r.event.id}`]);
    expect('newEvent' in r.claimDecision).toBe(false);
    expect(batch.candidates.some((c) => c.id === r.event.id)).toBe(false); // the batch given is left as it was

    // Once saved: the claim's accept writes it first; bulk accept never takes it on its own.
    const decisions = new Map([
      [r.event.id, row(r.event.id, 'edited', r.eventDecision)],
      [claim.id, row(claim.id, 'edited', r.claimDecision)],
    ]);
    expect(eventsNamedFor(r.batch, claim, r.claimDecision, decisions).map((e) => e.id)).toEqual([r.event.id]);
    expect(bulkCandidates(r.batch, decisions, 0).map((c) => c.id)).not.toContain(r.event.id);
    decisions.set(r.event.id, row(r.event.id, 'accepted', r.eventDecision));
    expect(eventsNamedFor(r.batch, claim, r.claimDecision, decisions)).toEqual([]);
    const elsewhere = { ...r.claimDecision, about: ['su-34-strike'] };
    expect(eventsNamedFor(r.batch, claim, elsewhere, new Map())).toEqual([]);
  });

  it('is refused under a name an event of the batch goes by, pointing at it', async () => {
    const s = await staged();
    const { text, claim, decision } = s;
    const first = depotFire(s);
    const decisions = new Map([[first.event.id, row(first.event.id, 'edited', first.eventDecision)]]);
    const again = { ...decision, newEvent: { name: ' depot  FIRE ', kind: 'fire' } };
    expect(() => withNewEvent(first.batch, claim, again, decisions, text, 'ed')).toThrow(
      `put cand:${first.event.id} in About`,
    );
    // Punctuation, dashes and spacing aside too.
    for (const name of ['Depot-fire.', 'Depot — fire', '“Depot, fire”'])
      expect(() =>
        withNewEvent(first.batch, claim, { ...decision, newEvent: { name, kind: 'fire' } }, decisions, text, 'ed'),
      ).toThrow(`put cand:${first.event.id} in About`);
    const other = { ...decision, newEvent: { name: 'Depot fires', kind: 'fire' } };
    expect(withNewEvent(first.batch, claim, other, decisions, text, 'ed').event.id).not.toBe(first.event.id);
    // A rejected one is no longer in the way.
    decisions.set(first.event.id, row(first.event.id, 'rejected', first.eventDecision));
    expect(withNewEvent(first.batch, claim, again, decisions, text, 'ed').event.id).not.toBe(first.event.id);
  });

  it('is the name another event of the batch goes by, for an event edited to it: refused, pointing at that one', async () => {
    const first = depotFire(await staged());
    const v = first.event.id;
    // An extracted event of the same article: no decision yet, so its proposal's name ("Fire") is in force.
    const other = { ...first.event, id: 'v9', forClaim: undefined, notes: [] };
    const b = { ...first.batch, candidates: [...first.batch.candidates, other] };
    const decisions = new Map([[v, row(v, 'edited', first.eventDecision)]]);
    expect(batchEventNamed(b, 'Depot-fire.', decisions, 'v9')).toEqual({ id: v, name: 'Depot fire' });
    expect(batchEventNamed(b, 'Depot fire', decisions, v)).toBeNull(); // its own name is no other's
    expect(batchEventNamed(b, ' FIRE ', decisions, v)).toEqual({ id: 'v9', name: 'Fire' });
    expect(batchEventNamed(b, 'Depot fires', decisions, 'v9')).toBeNull();
    decisions.set(v, row(v, 'rejected', first.eventDecision));
    expect(batchEventNamed(b, 'Depot fire', decisions, 'v9')).toBeNull();

    const refused = batchEventRefusal({ id: v, name: 'Depot fire' }, true);
    expect(refused.message).toContain(`"Depot fire" (${v}). If this is that event, reject this one`);
    expect(refused.message).toContain(`make its claims about cand:${v}`);
    expect(refused.details).toEqual({ reason: 'EVENT_EXISTS', existing: { ref: `cand:${v}`, name: 'Depot fire' } });
    expect(batchEventRefusal({ id: v, name: 'Depot fire' }).message).toContain(`put cand:${v} in About`);
  });

  it('is taken out once the claim is about something else or rejected, unless accepted or pointed at elsewhere', async () => {
    const s = await staged();
    const { batch, claim, decision } = s;
    const r = depotFire(s);
    const v = r.event.id;
    const decisions = new Map([
      [v, row(v, 'edited', r.eventDecision)],
      [claim.id, row(claim.id, 'edited', r.claimDecision)],
    ]);
    // Still in About: kept.
    expect(withoutOrphans(r.batch, claim.id, decisions, r.claimDecision).removed).toEqual([]);

    const elsewhere = { ...r.claimDecision, about: ['su-34-strike'] };
    const edited = withoutOrphans(r.batch, claim.id, decisions, elsewhere);
    expect(edited.removed).toEqual([v]);
    expect(edited.batch.candidates.map((c) => c.id)).toEqual(batch.candidates.map((c) => c.id));
    expect(edited.edit).toEqual(elsewhere);
    expect(r.batch.candidates.some((c) => c.id === v)).toBe(true); // the batch given is left as it was

    // Rejected: the claim's own edit no longer counts, and loses the reference.
    const rejected = withoutOrphans(r.batch, claim.id, decisions, r.claimDecision, true);
    expect(rejected.removed).toEqual([v]);
    expect(rejected.edit.about).toEqual([]);
    expect(withoutOrphans(r.batch, claim.id, decisions, undefined, true).removed).toEqual([v]);
    // Reopened with that edit: about nothing, blocked with a message that says what to give.
    const reopened = new Map([[claim.id, row(claim.id, 'edited', rejected.edit)]]);
    expect(decisionOf(rejected.batch, claim, reopened).blocked).toBe(CLAIM_NEEDS_EVENT);
    const given = new Map([[claim.id, row(claim.id, 'edited', { ...rejected.edit, about: ['su-34-strike'] })]]);
    expect(decisionOf(rejected.batch, claim, given).blocked).toBeNull();
    // Bulk accept leaves it for its reviewer (it would fail the whole accept), and takes it once given.
    expect(bulkCandidates(rejected.batch, reopened, 0).map((c) => c.id)).not.toContain(claim.id);
    expect(bulkCandidates(rejected.batch, given, 0).map((c) => c.id)).toContain(claim.id);

    // Accepted: stays.
    const accepted = new Map(decisions).set(v, row(v, 'accepted', r.eventDecision));
    expect(withoutOrphans(r.batch, claim.id, accepted, elsewhere).removed).toEqual([]);
    expect(withoutOrphans(r.batch, claim.id, accepted, r.claimDecision, true).removed).toEqual([]);

    // Another claim is about it (even a rejected one, which reopening brings back): stays.
    const other: ClaimCandidate = { ...claim, id: `${claim.id}x` };
    const two = { ...r.batch, candidates: [...r.batch.candidates, other] };
    for (const state of ['edited', 'rejected'] as const) {
      const withOther = new Map(decisions).set(other.id, row(other.id, state, { ...decision, about: [`cand:${v}`] }));
      expect(withoutOrphans(two, claim.id, withOther, elsewhere).removed).toEqual([]);
      expect(withoutOrphans(two, claim.id, withOther, r.claimDecision, true).removed).toEqual([]);
    }
    const notAbout = new Map(decisions).set(
      other.id,
      row(other.id, 'edited', { ...decision, about: ['su-34-strike'] }),
    );
    expect(withoutOrphans(two, claim.id, notAbout, elsewhere).removed).toEqual([v]);

    // Another claim's own new event is not this claim's to take out.
    expect(withoutOrphans(r.batch, other.id, decisions, elsewhere).removed).toEqual([]);
  });
});

describe('the name a decision creates an event under', () => {
  it('is a claim’s new event or an event’s create, and the refusal says what to use for either', async () => {
    const { batch, claim, decision } = await staged();
    expect(createdEventName(claim, decision)).toBeNull();
    expect(createdEventName(claim, { ...decision, newEvent: { name: 'Depot fire', kind: 'fire' } })).toBe('Depot fire');
    const {
      batch: b,
      event,
      eventDecision,
    } = withNewEvent(
      batch,
      claim,
      { ...decision, newEvent: { name: 'Depot fire', kind: 'fire' } },
      new Map(),
      RAW,
      'ann',
    );
    expect(b.candidates).toContain(event);
    expect(createdEventName(event, { ...eventDecision, name: 'Depot blaze' } as never)).toBe('Depot blaze');
    expect(createdEventName(event, { action: 'link', entityId: 'depot-fire', weapons: [] } as never)).toBeNull();
    const entity = batch.candidates.find((c) => c.kind === 'entity')!;
    expect(createdEventName(entity, { action: 'create', name: 'Ivan Petrov' } as never)).toBeNull();

    const existing = { id: 'depot-fire', name: 'Depot fire' };
    expect(graphEventRefusal('Depot fire', existing).message).toContain('put depot-fire in About');
    const forEvent = graphEventRefusal('Depot fire', existing, true);
    expect(forEvent.message).toContain('link it to depot-fire instead of creating it');
    expect(forEvent.details).toEqual({ reason: 'EVENT_EXISTS', existing: { ref: 'depot-fire', name: 'Depot fire' } });
    const other = { batch: 'b1', candidate: 'v1', name: 'Depot fire', article: 'Fire' };
    expect(stagedEventRefusal(other, true).message).toContain('accept it there first, then link this one to its id');
    expect(stagedEventRefusal(other).message).toContain('then put its id in About');
  });
});
