/**
 * "New event…" in a claim's edit form, the pure side: a claim about an event that neither this
 * article's items nor the graph have yet. The reviewer gives its name and kind; saving sends them as
 * the decision's `newEvent`, and the server adds the event to the article's items with the claim's
 * quote (accepting the claim writes it too). The server also refuses a name the graph or the article
 * already has for an event; this only answers the form's own questions before the round trip.
 * No React, no zod.
 */
import { hasNameKey, NAME_NEEDS_LETTER_OR_DIGIT } from '../../../shared/event-name';

/** The kinds offered (events.yaml's common ones); any other word may be typed. */
export const EVENT_KINDS = [
  'strike',
  'attack',
  'shelling',
  'explosion',
  'fire',
  'interception',
  'accidental-release',
  'evacuation',
  'meeting',
  'visit',
  'announcement',
] as const;

/** The form's new-event fields (empty: no new event). */
export interface NewEventFields {
  newEventName: string;
  newEventKind: string;
}

export const NO_NEW_EVENT: NewEventFields = { newEventName: '', newEventKind: '' };

export interface NewEvent {
  name: string;
  kind: string;
}

/**
 * The new event the form names, null when none, or the first problem: a name of at least 3
 * characters with a letter or a digit (the server's rule) and a kind (one word or a hyphenated one, as events.yaml writes them: "accidental-release").
 */
export function newEventOf(f: NewEventFields): { newEvent: NewEvent | null } | { error: string } {
  const name = f.newEventName.replace(/\s+/g, ' ').trim();
  const kind = f.newEventKind.trim().toLowerCase().replace(/\s+/g, '-');
  if (!name && !kind) return { newEvent: null };
  if (!name) return { error: 'give the new event a name, or clear its kind' };
  if (name.length < 3) return { error: "the new event's name is too short (at least 3 characters)" };
  if (!hasNameKey(name)) return { error: NAME_NEEDS_LETTER_OR_DIGIT }; // as the server refuses it
  if (!kind) return { error: 'say what kind of event the new one is (strike, meeting…)' };
  if (kind.length > 100) return { error: "the new event's kind is too long" };
  if (name.length > 200) return { error: "the new event's name is too long (at most 200 characters)" };
  return { newEvent: { name, kind } };
}

/**
 * The claim's events as saved: the references given, the new event's place among them said by the
 * server (a `cand:` reference once saved). At least one of the two is needed.
 */
export function aboutProblem(about: readonly string[], newEvent: NewEvent | null): string | null {
  if (about.some((a) => /^new:/i.test(a)))
    return 'About takes events already known; name a new one under "New event…" instead';
  return about.length || newEvent ? null : 'give the event(s) the claim is about, or name a new event';
}

/**
 * The form after "Use <name> (<ref>)" on a new event refused for its name: that event in About
 * (comma-separated, once), no new event. Saving then links the claim to the event that has the name.
 */
export function withExistingEvent<F extends NewEventFields & { about: string }>(f: F, ref: string): F {
  const about = f.about
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return { ...f, ...NO_NEW_EVENT, about: (about.includes(ref) ? about : [...about, ref]).join(', ') };
}
