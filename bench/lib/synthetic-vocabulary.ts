/**
 * The synthetic graph's vocabulary: relationship types with the labels they join, label shares,
 * and the syllables, words and kinds names and quotes are made of. Data only (and tiny helpers).
 */
import type { EntityLabel } from '../../src/dataset/schema';
import type { Random } from './random';

/** Relationship types used, with the labels they join (a subset of seed/data/vocabulary.yaml). */
export const TYPES: Array<{
  type: string;
  from: EntityLabel;
  to: EntityLabel;
  weight: number;
  meaning: string;
  props?: (r: Random) => Record<string, string | number | boolean>;
}> = [
  { type: 'OCCURRED_IN', from: 'Event', to: 'Place', weight: 12, meaning: 'the event took place in the place' },
  { type: 'LOCATED_IN', from: 'Place', to: 'Place', weight: 6, meaning: 'the place lies within the larger place' },
  {
    type: 'NEAR',
    from: 'Place',
    to: 'Place',
    weight: 2,
    meaning: 'the place is close to the other place',
    props: (r) => ({ distance_miles: r.int(1, 60) }),
  },
  { type: 'BORDERS', from: 'Place', to: 'Place', weight: 1, meaning: 'the two places share a border' },
  { type: 'GOVERNOR_OF', from: 'Person', to: 'Place', weight: 1, meaning: 'the person governs the region' },
  { type: 'VISITED', from: 'Person', to: 'Place', weight: 4, meaning: 'the person travelled to the place' },
  {
    type: 'LEADS',
    from: 'Person',
    to: 'Organization',
    weight: 3,
    meaning: 'the person heads the organization',
    props: (r) => ({ title: r.pick(['chairman', 'director', 'head', 'commander']) }),
  },
  {
    type: 'HOLDS_OFFICE',
    from: 'Person',
    to: 'Organization',
    weight: 3,
    meaning: 'the person holds an office of the body',
    props: (r) => ({ title: r.pick(['minister', 'deputy', 'secretary', 'spokesman']) }),
  },
  {
    type: 'SPOKESPERSON_FOR',
    from: 'Person',
    to: 'Organization',
    weight: 2,
    meaning: 'the person speaks for the organization',
  },
  {
    type: 'WORKS_FOR',
    from: 'Person',
    to: 'Organization',
    weight: 6,
    meaning: 'the person is employed by the organization',
  },
  { type: 'MET_WITH', from: 'Person', to: 'Person', weight: 4, meaning: 'the two people met' },
  { type: 'PARTICIPATED_IN', from: 'Person', to: 'Event', weight: 8, meaning: 'the person took part in the event' },
  { type: 'ANNOUNCED', from: 'Person', to: 'Event', weight: 3, meaning: 'the person announced the decision' },
  {
    type: 'PART_OF',
    from: 'Organization',
    to: 'Organization',
    weight: 2,
    meaning: 'the body is part of a larger body',
  },
  { type: 'OPERATES', from: 'Organization', to: 'Weapon', weight: 3, meaning: 'the force operates the weapon type' },
  { type: 'INVESTIGATES', from: 'Organization', to: 'Event', weight: 1, meaning: 'the body investigates the event' },
  { type: 'REPORTED', from: 'Organization', to: 'Event', weight: 3, meaning: 'the outlet reported on the event' },
  { type: 'MADE_IN', from: 'Weapon', to: 'Place', weight: 1, meaning: 'the weapon type is made in the country' },
  {
    type: 'TARGETED',
    from: 'Event',
    to: 'Place',
    weight: 6,
    meaning: 'the strike was aimed at the place',
    props: (r): Record<string, string> => (r.chance(0.3) ? { according_to: 'synthetic-source' } : {}),
  },
  { type: 'HIT', from: 'Event', to: 'Place', weight: 4, meaning: 'the strike struck the place' },
  { type: 'USED_WEAPON', from: 'Event', to: 'Weapon', weight: 6, meaning: 'the weapon type was used in the event' },
  {
    type: 'ATTRIBUTED_TO',
    from: 'Event',
    to: 'Organization',
    weight: 4,
    meaning: 'the event is attributed to the actor',
    props: (r) => ({ basis: r.pick(['admission', 'claim of responsibility', 'statement']) }),
  },
  {
    type: 'FOLLOWED',
    from: 'Event',
    to: 'Event',
    weight: 3,
    meaning: 'the event came after the other one',
    props: (r) => ({ relation: r.pick(['response', 'apparent retaliation', 'sequel']) }),
  },
  { type: 'CAUSED_BY', from: 'Event', to: 'Event', weight: 1, meaning: 'the event was caused by the other' },
  { type: 'CONCERNS', from: 'Event', to: 'Person', weight: 2, meaning: 'the announcement is about the person' },
];
export const ARTICLE_TYPES = [
  { type: 'PUBLISHED_BY', from: 'Article', to: 'Organization', meaning: 'the article was published by the outlet' },
  { type: 'WRITTEN_BY', from: 'Article', to: 'Person', meaning: "the article's byline names the person" },
] as const;

export const LABEL_SHARES: Array<[EntityLabel, number]> = [
  ['Person', 0.35],
  ['Organization', 0.2],
  ['Place', 0.2],
  ['Event', 0.2],
  ['Weapon', 0.05],
];
export const FILE_OF: Record<EntityLabel, string> = {
  Person: 'people.yaml',
  Organization: 'organizations.yaml',
  Place: 'places.yaml',
  Event: 'events.yaml',
  Weapon: 'weapons.yaml',
};

export const SYL = [
  'ka',
  'ro',
  'vel',
  'mir',
  'gor',
  'dan',
  'lo',
  'vi',
  'sta',
  'bel',
  'har',
  'kiv',
  'zor',
  'len',
  'pet',
  'ria',
  'nov',
  'tal',
  'shev',
  'bor',
  'yan',
  'dro',
  'mel',
  'sen',
];
export const FIRST = [
  'Ivan',
  'Olena',
  'Dmitry',
  'Anna',
  'Sergei',
  'Iryna',
  'Oleksandr',
  'Maria',
  'Vadim',
  'Yulia',
  'Pavel',
  'Kateryna',
  'Andrei',
  'Natalia',
  'Mykola',
  'Svitlana',
  'Georgi',
  'Ian',
  'Nancy',
  'Francesca',
];
export const SURNAME_END = ['ov', 'enko', 'sky', 'chuk', 'in', 'ova', 'yev', 'ko'];
export const PLACE_END = ['grad', 'ivka', 'sk', 'ovo', 'polis', 'ino'];
export const ORG_KIND = ['Ministry', 'Agency', 'Brigade', 'Council', 'News', 'Command', 'Service', 'Party'];
export const EVENT_KIND = [
  'strike',
  'attack',
  'evacuation',
  'meeting',
  'visit',
  'shelling',
  'accidental release',
  'announcement',
];
export const WORDS = (
  'the governor said on Friday that a missile hit a residential building in the city centre while air defence ' +
  'units intercepted several drones over the region officials reported casualties and damage to power lines ' +
  'according to the ministry statement which could not be independently verified by reporters at the scene'
).split(' ');
export const STANCES = ['accuses', 'denies', 'confirms', 'admits', 'disputes', 'reports casualties'];

export const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(dayIndex: number): string {
  const d = new Date(Date.UTC(2022, 1, 24) + dayIndex * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
export const DAYS = 1_040; // 2022-02-24 … end of 2024
