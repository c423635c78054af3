import { indexWhere, seedLists, type Rec, type SeedFiles } from '../seed-copies';

/** What each broken-seed case edits and expects, and the records the cases are built around. */

export interface Expected {
  file: string;
  record: string;
  field: string;
  message: RegExp;
}

export interface Case {
  name: string;
  edit?: (f: SeedFiles) => void;
  raw?: (text: Record<string, string | null>) => void;
  expect: Expected;
  /**
   * Which other issues may accompany the expected one (which must come first):
   * 'none' — it is the only issue; an id — only "unknown id" issues naming the record a failed
   * shape check dropped (its references cannot resolve); 'refs' — only unknown-id issues (a whole
   * file failed to parse).
   */
  others: 'none' | 'refs' | { refsTo: string };
}

export const L = seedLists();
export const rec = (i: number, id: string) => `#${i + 1} (${id})`;
export const relRec = (i: number, r: Rec) => `#${i + 1} (${String(r.type)} ${String(r.from)} → ${String(r.to)})`;
export const mentionRec = (i: number, m: Rec) => `#${i + 1} (${String(m.article)} → ${String(m.entity)})`;
export const at = <T>(list: T[], i: number): T => list[i]!;
export const idOf = (r: Rec | undefined) => String(r?.id);

// Records chosen by what they hold, so the cases follow the curated data as it grows.
export const contradicted = new Set(L['claims.yaml']!.flatMap((c) => (c.contradicts as string[] | undefined) ?? []));
export const iFreeClaim = indexWhere(
  L['claims.yaml']!,
  (c) => !contradicted.has(String(c.id)) && !('date_from' in c),
  'a claim nobody contradicts, without a date range',
);
export const iContradicting = indexWhere(
  L['claims.yaml']!,
  (c) => Array.isArray(c.contradicts) && c.contradicts.length > 0,
  'a claim that contradicts another',
);
export const iDatedEvent = indexWhere(
  L['events.yaml']!,
  (e) => typeof e.date === 'string',
  'an event with a single date',
);
export const iRangeEvent = indexWhere(
  L['events.yaml']!,
  (e) => typeof e.date_from === 'string' && typeof e.date_to === 'string' && e.date_from < e.date_to,
  'an event with a date range',
);
export const iPlaceWithLocation = indexWhere(L['places.yaml']!, (p) => !!p.location, 'a place with a location');
export const vocab = new Map(L['vocabulary.yaml']!.map((v) => [String(v.type), v]));
export const iRelNoEventFrom = indexWhere(
  L['relationships.yaml']!,
  (r) => !((vocab.get(String(r.type))?.from as string[] | undefined) ?? ['Event']).includes('Event'),
  'a relationship whose type does not allow an Event as its source',
);
export const iRelLaterQuote = indexWhere(
  L['relationships.yaml']!,
  (r) => Number((r.evidence as Rec[])[0]!.start) > 0,
  'a relationship whose first quote is not at offset 0',
);
export const firstEventId = idOf(L['events.yaml']![0]);
export const firstPlaceId = idOf(L['places.yaml']![0]);
export const firstPersonId = idOf(L['people.yaml']![0]);
export const iArticleWithAuthors = indexWhere(
  L['articles.yaml']!,
  (a) => Array.isArray(a.authors) && a.authors.length > 0,
  'an article with authors',
);
export const firstArticle = L['articles.yaml']![0]!;
export const words31 = Array.from({ length: 31 }, (_, i) => `word${i}`).join(' ');
