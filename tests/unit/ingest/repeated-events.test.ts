/**
 * Two extracted events of one article proposed under one name (two strikes on one town on one day):
 * the later one, never edited, carries a caution naming the earlier one, in the view and in no other
 * row; a reject of the earlier one, an edit of either to another name, or an edit of the later one
 * itself takes it away. Pure; our own text.
 */
import { describe, expect, it } from 'vitest';
import { extractWithText } from '../../../src/ingest/article';
import type { Batch, EventCandidate } from '../../../src/ingest/batch';
import type { EventDecision } from '../../../src/ingest/review/decision';
import { proposalFor } from '../../../src/ingest/review/proposals';
import { repeatedEventCaution, repeatedEvents, viewOf } from '../../../src/ingest/review/view';
import type { DecisionRow } from '../../../src/ingest/staging/store';
import { GAZETTEER } from './gazetteer';

const RAW = `Two strikes near Moscow

A drone struck a fuel depot near Moscow on Saturday, officials said.

Later on Saturday, a drone struck a warehouse near Moscow, the officials said.
`;

async function staged(): Promise<{ batch: Batch; text: string; events: EventCandidate[]; name: string }> {
  const { batch, text } = await extractWithText(
    { raw: RAW, format: 'txt', source: 'strikes.txt', meta: { published: '2024-06-03' } },
    { extractor: 'js', gazetteer: GAZETTEER },
  );
  const events = batch.candidates.filter((c): c is EventCandidate => c.kind === 'event');
  const name = proposed(batch, events[0]!).name;
  return { batch, text, events, name };
}

const row = (candidate: string, state: DecisionRow['state'], edit: unknown): DecisionRow => ({
  candidate,
  state,
  edit,
  result: state === 'accepted' ? { entityId: 'strike-in-moscow' } : null,
  acceptId: null,
  at: '2024-06-03T10:00:00Z',
  by: 'ed',
});

type Create = Extract<EventDecision, { action: 'create' }>;

/** An event's proposal (a create), as the server makes it. */
const proposed = (b: Batch, e: EventCandidate) => proposalFor(b, e, new Map()).decision as Create;

/** An event's proposal with another name, as a reviewer's edit. */
const renamed = (b: Batch, e: EventCandidate, name: string): Create => ({ ...proposed(b, e), name });

describe('repeatedEvents', () => {
  it('names the earlier event on the later one of one proposed name, and on no other', async () => {
    const { batch, events, name } = await staged();
    expect(events).toHaveLength(2);
    const [v1, v2] = events as [EventCandidate, EventCandidate];
    expect(proposed(batch, v2).name).toBe(name);
    const repeated = repeatedEvents(batch, new Map());
    expect([...repeated]).toEqual([[v2.id, { ref: `cand:${v1.id}`, name }]]);
  });

  it('still names it when the earlier one is accepted, or the earlier one was edited to the same name in other words', async () => {
    const { batch, events, name } = await staged();
    const [v1, v2] = events as [EventCandidate, EventCandidate];
    const accepted = new Map([[v1.id, row(v1.id, 'accepted', renamed(batch, v1, name))]]);
    expect(repeatedEvents(batch, accepted).get(v2.id)).toEqual({ ref: `cand:${v1.id}`, name });
    const spelt = `${name.toUpperCase()}.`;
    const edited = new Map([[v1.id, row(v1.id, 'edited', renamed(batch, v1, spelt))]]);
    expect(repeatedEvents(batch, edited).get(v2.id)).toEqual({ ref: `cand:${v1.id}`, name: spelt });
  });

  it('names nothing once the earlier one is rejected or renamed, or the later one is edited', async () => {
    const { batch, events, name } = await staged();
    const [v1, v2] = events as [EventCandidate, EventCandidate];
    for (const rows of [
      [row(v1.id, 'rejected', null)],
      [row(v1.id, 'edited', renamed(batch, v1, 'Strike on a fuel depot near Moscow'))],
      [row(v2.id, 'edited', renamed(batch, v2, 'Strike on a warehouse near Moscow'))],
      [row(v2.id, 'edited', renamed(batch, v2, name))],
      [row(v2.id, 'rejected', null)],
    ])
      expect(repeatedEvents(batch, new Map(rows.map((r) => [r.candidate, r]))).size, JSON.stringify(rows)).toBe(0);
  });
});

describe('the review view', () => {
  it('shows the caution on the later event only, in words that name the earlier one and say what to do', async () => {
    const { batch, text, events, name } = await staged();
    const [v1, v2] = events as [EventCandidate, EventCandidate];
    const s = {
      id: 'b-000000000000',
      sha256: '0'.repeat(64),
      createdAt: '2024-06-03T10:00:00Z',
      createdBy: 'ed',
      source: 'strikes.txt',
      runId: null,
      articleId: null,
      batch,
    };
    const view = viewOf(s, text, new Map(), []);
    const cautioned = view.candidates.filter((c) => c.caution);
    expect(cautioned.map((c) => c.candidate.id)).toEqual([v2.id]);
    expect(cautioned[0]!.caution).toBe(repeatedEventCaution({ ref: `cand:${v1.id}`, name }));
    expect(cautioned[0]!.caution).toContain(`same name as cand:${v1.id}, "${name}"`);
    expect(cautioned[0]!.caution).toMatch(
      /reject this one and make its claims about cand:v\d+; if it is another, edit its name/,
    );
    expect(cautioned[0]!.blocked).toBeNull();
    const rejected = viewOf(s, text, new Map([[v1.id, row(v1.id, 'rejected', null)]]), []);
    expect(rejected.candidates.filter((c) => c.caution)).toEqual([]);
  });
});
