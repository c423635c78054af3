/**
 * "New event…" in a claim's edit form, pure: the name and kind it sends as `newEvent` (spacing
 * tidied, a kind written as events.yaml writes it), the problems it names before any round trip,
 * the claim decision it makes with or without events in About, and "Use <name> (<ref>)" after a
 * refused name (that event in About instead of a new one).
 */
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../../../src/ingest/batch';
import { decisionOf, formOf } from '../../../../../src/web/core/ingest/edit';
import { aboutProblem, EVENT_KINDS, newEventOf, withExistingEvent } from '../../../../../src/web/core/ingest/new-event';
import { NewEventSchema } from '../../../../../src/ingest/review/decision';

const TEXT = 'Vyacheslav Gladkov said a fire at a fuel depot outside Belgorod was put out overnight.';
const claim = {
  id: 'c1',
  kind: 'claim',
  spans: [{ start: 0, end: 18 }],
  quote: TEXT,
  quoteSpan: { start: 0, end: TEXT.length },
  confidence: 0.8,
  extractor: { name: 'js', version: '1' },
  notes: [],
  claimant: { text: 'Vyacheslav Gladkov', span: { start: 0, end: 18 }, entityId: 'vyacheslav-gladkov' },
  statement: 'a fire at a fuel depot outside Belgorod was put out overnight',
  statementSpan: { start: 24, end: TEXT.length - 1 },
  cue: 'say',
  stance: [],
} as unknown as Candidate;

describe('the new event a claim form names', () => {
  it('is none when both fields are empty, else its tidied name and kind', () => {
    expect(newEventOf({ newEventName: ' ', newEventKind: '' })).toEqual({ newEvent: null });
    expect(newEventOf({ newEventName: '  Fire at the   depot ', newEventKind: ' Accidental release ' })).toEqual({
      newEvent: { name: 'Fire at the depot', kind: 'accidental-release' },
    });
    expect(EVENT_KINDS).toContain('strike');
  });

  it('names the first problem: no name, a short one, no kind, too long', () => {
    expect(newEventOf({ newEventName: '', newEventKind: 'fire' })).toEqual({
      error: 'give the new event a name, or clear its kind',
    });
    expect(newEventOf({ newEventName: 'Fi', newEventKind: 'fire' })).toEqual({
      error: "the new event's name is too short (at least 3 characters)",
    });
    expect(newEventOf({ newEventName: 'Depot fire', newEventKind: '  ' })).toEqual({
      error: 'say what kind of event the new one is (strike, meeting…)',
    });
    expect(newEventOf({ newEventName: 'x'.repeat(201), newEventKind: 'fire' })).toMatchObject({
      error: expect.stringMatching(/too long/),
    });
  });

  it('refuses a name without a letter or digit in the server’s words, and only where the server does', () => {
    for (const name of ['— … !', '“ – ”', '...', "' ' '", '(-)', '$$$', 'S-3', '№ 5', 'Ⅻ—']) {
      const form = newEventOf({ newEventName: name, newEventKind: 'fire' });
      const server = NewEventSchema.safeParse({ name, kind: 'fire' });
      expect('error' in form ? form.error : null, name).toBe(server.success ? null : server.error.issues[0]!.message);
    }
    expect(newEventOf({ newEventName: '— … !', newEventKind: 'fire' })).toEqual({
      error: "the new event's name needs a letter or a digit",
    });
  });

  it('counts as the event About needs; a "new:" entry in About is pointed at the form instead', () => {
    expect(aboutProblem([], null)).toBe('give the event(s) the claim is about, or name a new event');
    expect(aboutProblem([], { name: 'Depot fire', kind: 'fire' })).toBeNull();
    expect(aboutProblem(['su-34-strike'], null)).toBeNull();
    expect(aboutProblem(['new:Depot fire'], null)).toMatch(/under "New event…"/);
  });
});

describe('a claim edit with a new event', () => {
  it('sends `newEvent` beside the events given, and none when the fields are empty', () => {
    const f = { ...formOf(claim, null, TEXT), statement: 'The fire was put out.' };
    expect(f).toMatchObject({ newEventName: '', newEventKind: '' });
    const only = decisionOf(claim, null, { ...f, newEventName: 'Depot fire', newEventKind: 'fire' }, TEXT);
    expect(only).toMatchObject({ decision: { about: [], newEvent: { name: 'Depot fire', kind: 'fire' } } });
    const both = decisionOf(
      claim,
      null,
      { ...f, about: 'su-34-strike', newEventName: 'Depot fire', newEventKind: 'fire' },
      TEXT,
    );
    expect(both).toMatchObject({ decision: { about: ['su-34-strike'], newEvent: { name: 'Depot fire' } } });
    const none = decisionOf(claim, null, { ...f, about: 'su-34-strike' }, TEXT);
    expect('decision' in none && 'newEvent' in none.decision).toBe(false);
  });

  it('is not sent while the new event has a problem', () => {
    const f = { ...formOf(claim, null, TEXT), statement: 'The fire was put out.', about: 'su-34-strike' };
    expect(decisionOf(claim, null, { ...f, newEventName: 'Depot fire' }, TEXT)).toEqual({
      error: 'say what kind of event the new one is (strike, meeting…)',
    });
  });
});

describe('"Use <name> (<ref>)" after a new event refused for its name', () => {
  it('puts the event in About once and drops the new event; the edit then links the claim to it', () => {
    const f = {
      ...formOf(claim, null, TEXT),
      statement: 'The fire was put out.',
      newEventName: 'Belgorod depot fire',
      newEventKind: 'fire',
    };
    const used = withExistingEvent(f, 'belgorod-depot-fire');
    expect(used).toMatchObject({ about: 'belgorod-depot-fire', newEventName: '', newEventKind: '' });
    expect(decisionOf(claim, null, used, TEXT)).toMatchObject({ decision: { about: ['belgorod-depot-fire'] } });
    const d = decisionOf(claim, null, used, TEXT);
    expect('decision' in d && 'newEvent' in d.decision).toBe(false);
    expect(withExistingEvent({ ...f, about: 'su-34-strike, ' }, 'cand:v2').about).toBe('su-34-strike, cand:v2');
    expect(withExistingEvent({ ...f, about: ' cand:v2 ,su-34-strike' }, 'cand:v2').about).toBe('cand:v2, su-34-strike');
  });
});
