import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET, seedDatabase, SeedValidationError, validateSeed, type SeedIssue } from '../../../src/dataset/index';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';
import { indexWhere, SeedCopies, seedLists, type Rec, type SeedFiles } from './support/seed-copies';

/**
 * Broken seed data, one kind per row. Each broken copy of seed/data must be
 * refused with the exact file, record and field, and the database must be left exactly as it was
 * (graphFingerprint before/after). The database is put in a state no successful load could
 * produce (a marker node, one dataset relationship removed), and every attempt runs with
 * reset: true, so any write that slipped through would show in the fingerprint.
 */

interface Expected {
  file: string;
  record: string;
  field: string;
  message: RegExp;
}

interface Case {
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

const L = seedLists();
const rec = (i: number, id: string) => `#${i + 1} (${id})`;
const relRec = (i: number, r: Rec) => `#${i + 1} (${String(r.type)} ${String(r.from)} → ${String(r.to)})`;
const mentionRec = (i: number, m: Rec) => `#${i + 1} (${String(m.article)} → ${String(m.entity)})`;
const at = <T,>(list: T[], i: number): T => list[i]!;
const idOf = (r: Rec | undefined) => String(r?.id);

// Records chosen by what they hold, so the cases follow the curated data as it grows.
const contradicted = new Set(L['claims.yaml']!.flatMap((c) => (c.contradicts as string[] | undefined) ?? []));
const iFreeClaim = indexWhere(L['claims.yaml']!, (c) => !contradicted.has(String(c.id)) && !('date_from' in c), 'a claim nobody contradicts, without a date range');
const iContradicting = indexWhere(L['claims.yaml']!, (c) => Array.isArray(c.contradicts) && c.contradicts.length > 0, 'a claim that contradicts another');
const iDatedEvent = indexWhere(L['events.yaml']!, (e) => typeof e.date === 'string', 'an event with a single date');
const iRangeEvent = indexWhere(L['events.yaml']!, (e) => typeof e.date_from === 'string' && typeof e.date_to === 'string' && e.date_from < e.date_to, 'an event with a date range');
const iPlaceWithLocation = indexWhere(L['places.yaml']!, (p) => !!p.location, 'a place with a location');
const vocab = new Map(L['vocabulary.yaml']!.map((v) => [String(v.type), v]));
const iRelNoEventFrom = indexWhere(
  L['relationships.yaml']!,
  (r) => !((vocab.get(String(r.type))?.from as string[] | undefined) ?? ['Event']).includes('Event'),
  'a relationship whose type does not allow an Event as its source',
);
const iRelLaterQuote = indexWhere(L['relationships.yaml']!, (r) => Number((r.evidence as Rec[])[0]!.start) > 0, 'a relationship whose first quote is not at offset 0');
const firstEventId = idOf(L['events.yaml']![0]);
const firstPlaceId = idOf(L['places.yaml']![0]);
const firstPersonId = idOf(L['people.yaml']![0]);
const iArticleWithAuthors = indexWhere(L['articles.yaml']!, (a) => Array.isArray(a.authors) && a.authors.length > 0, 'an article with authors');
const firstArticle = L['articles.yaml']![0]!;
const words31 = Array.from({ length: 31 }, (_, i) => `word${i}`).join(' ');

const CASES: Case[] = [
  // --- whole files -------------------------------------------------------------------------------
  {
    name: 'YAML syntax error',
    raw: (t) => {
      t['places.yaml'] = `${t['places.yaml']}- id: broken-place\n  name: [unclosed\n  kind: city\n`;
    },
    expect: { file: 'places.yaml', record: '', field: '', message: /^YAML syntax error: .*line \d+, column \d+/ },
    others: 'refs',
  },
  {
    name: 'a file that is a mapping, not a list',
    raw: (t) => {
      t['mentions.yaml'] = 'article: some-article\nentity: russia\n';
    },
    expect: { file: 'mentions.yaml', record: '', field: '', message: /^the file must hold a YAML list of records$/ },
    others: 'none',
  },
  {
    name: 'a missing data file',
    raw: (t) => {
      t['mentions.yaml'] = null;
    },
    expect: { file: 'mentions.yaml', record: '', field: '', message: /^missing file .*mentions\.yaml$/ },
    others: 'none',
  },
  // --- shapes -------------------------------------------------------------------------------------
  {
    name: 'missing required field (description)',
    edit: (f) => {
      delete at(f['people.yaml']!, 0).description;
    },
    expect: { file: 'people.yaml', record: rec(0, firstPersonId), field: 'description', message: /^description is required$/ },
    others: { refsTo: firstPersonId },
  },
  {
    name: 'wrong type (count is a string)',
    edit: (f) => {
      at(f['mentions.yaml']!, 0).count = 'three';
    },
    expect: { file: 'mentions.yaml', record: mentionRec(0, L['mentions.yaml']![0]!), field: 'count', message: /expected number, received string/ },
    others: 'none',
  },
  {
    name: 'impossible calendar date on an event (2023-02-30)',
    edit: (f) => {
      at(f['events.yaml']!, iDatedEvent).date = '2023-02-30';
    },
    expect: { file: 'events.yaml', record: rec(iDatedEvent, idOf(L['events.yaml']![iDatedEvent])), field: 'date', message: /^is not a real calendar date$/ },
    others: { refsTo: idOf(L['events.yaml']![iDatedEvent]) },
  },
  {
    name: 'impossible calendar date on a claim (2023-02-30)',
    edit: (f) => {
      at(f['claims.yaml']!, iFreeClaim).date = '2023-02-30';
    },
    expect: { file: 'claims.yaml', record: rec(iFreeClaim, idOf(L['claims.yaml']![iFreeClaim])), field: 'date', message: /^is not a real calendar date$/ },
    others: 'none',
  },
  {
    name: 'a date that is not YYYY-MM-DD',
    edit: (f) => {
      at(f['articles.yaml']!, 0).published = '21/04/2023';
    },
    expect: { file: 'articles.yaml', record: rec(0, idOf(firstArticle)), field: 'published', message: /^must be a date YYYY-MM-DD$/ },
    others: { refsTo: idOf(firstArticle) },
  },
  {
    name: 'date_from after date_to',
    edit: (f) => {
      const e = at(f['events.yaml']!, iRangeEvent);
      [e.date_from, e.date_to] = [e.date_to, e.date_from];
    },
    expect: { file: 'events.yaml', record: rec(iRangeEvent, idOf(L['events.yaml']![iRangeEvent])), field: 'date_to', message: /^date_from is after date_to$/ },
    others: { refsTo: idOf(L['events.yaml']![iRangeEvent]) },
  },
  {
    name: 'both date and date_from on one event',
    edit: (f) => {
      at(f['events.yaml']!, iDatedEvent).date_from = '2020-01-01';
    },
    expect: { file: 'events.yaml', record: rec(iDatedEvent, idOf(L['events.yaml']![iDatedEvent])), field: 'date', message: /^give either date or date_from\/date_to, not both$/ },
    others: { refsTo: idOf(L['events.yaml']![iDatedEvent]) },
  },
  {
    name: 'an id that is not a slug',
    edit: (f) => {
      f['weapons.yaml']!.push({ id: 'Bad Id', name: 'Bad', description: 'a weapon with a malformed id' });
    },
    expect: { file: 'weapons.yaml', record: rec(L['weapons.yaml']!.length, 'Bad Id'), field: 'id', message: /kebab-case slug/ },
    others: 'none',
  },
  {
    name: 'unknown claim status',
    edit: (f) => {
      at(f['claims.yaml']!, iFreeClaim).status = 'disputed';
    },
    expect: { file: 'claims.yaml', record: rec(iFreeClaim, idOf(L['claims.yaml']![iFreeClaim])), field: 'status', message: /^status must be contested, unanswered[, ]/ },
    others: 'none',
  },
  {
    name: 'latitude out of range',
    edit: (f) => {
      (at(f['places.yaml']!, iPlaceWithLocation).location as Rec).lat = 123.4;
    },
    expect: {
      file: 'places.yaml',
      record: rec(iPlaceWithLocation, idOf(L['places.yaml']![iPlaceWithLocation])),
      field: 'location.lat',
      message: /^lat must be within ±90$/,
    },
    others: { refsTo: idOf(L['places.yaml']![iPlaceWithLocation]) },
  },
  {
    name: 'a location without location_source',
    edit: (f) => {
      f['places.yaml']!.push({ id: 'nowhere-in-particular', name: 'Nowhere', description: 'a place with coordinates but no source', kind: 'city', location: { lat: 1, lon: 2 } });
    },
    expect: { file: 'places.yaml', record: rec(L['places.yaml']!.length, 'nowhere-in-particular'), field: 'location_source', message: /^location needs a location_source$/ },
    others: 'none',
  },
  {
    name: 'an extra field holding an object',
    edit: (f) => {
      f['people.yaml']!.push({ id: 'extra-field-person', name: 'Extra', description: 'a person with a nested extra field', extra_info: { nested: { deep: 1 } } });
    },
    expect: { file: 'people.yaml', record: rec(L['people.yaml']!.length, 'extra-field-person'), field: 'extra_info', message: /^must be a string, number, boolean or a list of one of those/ },
    others: 'none',
  },
  {
    name: 'negative casualty count',
    edit: (f) => {
      f['events.yaml']!.push({ id: 'negative-casualties', name: 'Neg', description: 'an event with a negative toll', kind: 'strike', killed: -3 });
    },
    expect: { file: 'events.yaml', record: rec(L['events.yaml']!.length, 'negative-casualties'), field: 'killed', message: />=0|non-?negative|too small/i },
    others: 'none',
  },
  {
    name: 'quote longer than 30 words',
    edit: (f) => {
      const ev = (at(f['relationships.yaml']!, 0).evidence as Rec[])[0]!;
      ev.quote = words31;
      ev.end = Number(ev.start) + words31.length;
    },
    expect: { file: 'relationships.yaml', record: relRec(0, L['relationships.yaml']![0]!), field: 'evidence.0.quote', message: /^quote is longer than 30 words$/ },
    others: 'none',
  },
  {
    name: 'empty quote',
    edit: (f) => {
      const ev = (at(f['relationships.yaml']!, iRelLaterQuote).evidence as Rec[])[0]!;
      ev.quote = '';
      ev.end = ev.start;
    },
    expect: { file: 'relationships.yaml', record: relRec(iRelLaterQuote, L['relationships.yaml']![iRelLaterQuote]!), field: 'evidence.0.quote', message: /^quote must not be empty$/ },
    others: 'none',
  },
  {
    name: 'a relationship without evidence',
    edit: (f) => {
      at(f['relationships.yaml']!, 2).evidence = [];
    },
    expect: { file: 'relationships.yaml', record: relRec(2, L['relationships.yaml']![2]!), field: 'evidence', message: /^every relationship needs at least one evidence quote$/ },
    others: 'none',
  },
  // --- references between records ----------------------------------------------------------------
  {
    name: 'duplicate id across files',
    edit: (f) => {
      f['weapons.yaml']!.push({ id: firstPersonId, name: 'Clash', description: 'a weapon reusing a person id' });
    },
    expect: { file: 'weapons.yaml', record: rec(L['weapons.yaml']!.length, firstPersonId), field: 'id', message: /^duplicate id: already used in people\.yaml$/ },
    others: 'none',
  },
  {
    name: 'unknown id at a relationship end',
    edit: (f) => {
      at(f['relationships.yaml']!, 0).to = 'no-such-entity';
    },
    expect: {
      file: 'relationships.yaml',
      record: relRec(0, { ...L['relationships.yaml']![0]!, to: 'no-such-entity' }),
      field: 'to',
      message: /^unknown id "no-such-entity"$/,
    },
    others: 'none',
  },
  {
    name: 'unknown claimant',
    edit: (f) => {
      at(f['claims.yaml']!, iFreeClaim).claimant = 'nobody-at-all';
    },
    expect: { file: 'claims.yaml', record: rec(iFreeClaim, idOf(L['claims.yaml']![iFreeClaim])), field: 'claimant', message: /^unknown id "nobody-at-all"$/ },
    others: 'none',
  },
  {
    name: 'unknown event a claim is about',
    edit: (f) => {
      (at(f['claims.yaml']!, iFreeClaim).about as string[]).push('ghost-event');
    },
    expect: {
      file: 'claims.yaml',
      record: rec(iFreeClaim, idOf(L['claims.yaml']![iFreeClaim])),
      field: `about.${(L['claims.yaml']![iFreeClaim]!.about as string[]).length}`,
      message: /^unknown id "ghost-event"$/,
    },
    others: 'none',
  },
  {
    name: 'a claim about a Place instead of an Event',
    edit: (f) => {
      at(f['claims.yaml']!, iFreeClaim).about = [firstPlaceId];
    },
    expect: { file: 'claims.yaml', record: rec(iFreeClaim, idOf(L['claims.yaml']![iFreeClaim])), field: 'about.0', message: new RegExp(`^"${firstPlaceId}" is a Place, expected an Event$`) },
    others: 'none',
  },
  {
    name: 'unknown claim in contradicts',
    edit: (f) => {
      (at(f['claims.yaml']!, iFreeClaim).contradicts as string[] | undefined) ?? (at(f['claims.yaml']!, iFreeClaim).contradicts = []);
      (at(f['claims.yaml']!, iFreeClaim).contradicts as string[]).push('ghost-claim');
    },
    expect: {
      file: 'claims.yaml',
      record: rec(iFreeClaim, idOf(L['claims.yaml']![iFreeClaim])),
      field: `contradicts.${((L['claims.yaml']![iFreeClaim]!.contradicts as string[] | undefined) ?? []).length}`,
      message: /^unknown claim "ghost-claim"$/,
    },
    others: 'none',
  },
  {
    name: 'a claim that contradicts itself',
    edit: (f) => {
      const c = at(f['claims.yaml']!, iContradicting);
      (c.contradicts as string[]).push(String(c.id));
    },
    expect: {
      file: 'claims.yaml',
      record: rec(iContradicting, idOf(L['claims.yaml']![iContradicting])),
      field: `contradicts.${(L['claims.yaml']![iContradicting]!.contradicts as string[]).length}`,
      message: /^a claim cannot contradict itself$/,
    },
    others: 'none',
  },
  {
    name: 'unknown article author',
    edit: (f) => {
      (at(f['articles.yaml']!, iArticleWithAuthors).authors as string[]).push('ghost-author');
    },
    expect: {
      file: 'articles.yaml',
      record: rec(iArticleWithAuthors, idOf(L['articles.yaml']![iArticleWithAuthors])),
      field: `authors.${(L['articles.yaml']![iArticleWithAuthors]!.authors as string[]).length}`,
      message: /^unknown id "ghost-author"$/,
    },
    others: 'none',
  },
  {
    name: 'unknown entity in a mention',
    edit: (f) => {
      at(f['mentions.yaml']!, 0).entity = 'ghost-entity';
    },
    expect: { file: 'mentions.yaml', record: mentionRec(0, { ...L['mentions.yaml']![0]!, entity: 'ghost-entity' }), field: 'entity', message: /^unknown id "ghost-entity"$/ },
    others: 'none',
  },
  {
    name: 'unknown article in a relationship evidence',
    edit: (f) => {
      (at(f['relationships.yaml']!, 0).evidence as Rec[])[0]!.article = 'ghost-article';
    },
    expect: { file: 'relationships.yaml', record: relRec(0, L['relationships.yaml']![0]!), field: 'evidence.0.article', message: /^unknown article "ghost-article"$/ },
    others: 'none',
  },
  {
    name: 'relationship type not in the vocabulary',
    edit: (f) => {
      at(f['relationships.yaml']!, 0).type = 'INVENTED_TYPE';
    },
    expect: {
      file: 'relationships.yaml',
      record: relRec(0, { ...L['relationships.yaml']![0]!, type: 'INVENTED_TYPE' }),
      field: 'type',
      message: /^type INVENTED_TYPE is not in vocabulary\.yaml$/,
    },
    others: 'none',
  },
  {
    name: 'wrong label at a relationship end',
    edit: (f) => {
      at(f['relationships.yaml']!, iRelNoEventFrom).from = firstEventId;
    },
    expect: {
      file: 'relationships.yaml',
      record: relRec(iRelNoEventFrom, { ...L['relationships.yaml']![iRelNoEventFrom]!, from: firstEventId }),
      field: 'from',
      message: new RegExp(`^${String(L['relationships.yaml']![iRelNoEventFrom]!.type)} does not allow a Event as its from \\(vocabulary: `),
    },
    others: 'none',
  },
  {
    name: 'duplicate relationship',
    edit: (f) => {
      f['relationships.yaml']!.push(structuredClone(at(f['relationships.yaml']!, 0)));
    },
    expect: {
      file: 'relationships.yaml',
      record: relRec(L['relationships.yaml']!.length, L['relationships.yaml']![0]!),
      field: '',
      message: /^duplicate relationship \(same type, from and to\)/,
    },
    others: 'none',
  },
  {
    name: 'a reserved relationship type declared in the vocabulary',
    edit: (f) => {
      f['vocabulary.yaml']!.push({ type: 'MENTIONS', from: ['Article'], to: ['Person'], meaning: 'reserved for the loader' });
    },
    expect: { file: 'vocabulary.yaml', record: rec(L['vocabulary.yaml']!.length, 'MENTIONS'), field: 'type', message: /^reserved: created by the loader/ },
    others: 'none',
  },
  {
    name: "offsets that do not match the quote's length",
    edit: (f) => {
      const ev = (at(f['relationships.yaml']!, 0).evidence as Rec[])[0]!;
      ev.end = Number(ev.end) + 3;
    },
    expect: { file: 'relationships.yaml', record: relRec(0, L['relationships.yaml']![0]!), field: 'evidence.0.end', message: /^end - start \(\d+\) differs from the quote's length \(\d+\)$/ },
    others: 'none',
  },
  // --- against the article texts -----------------------------------------------------------------
  {
    name: 'a quote that is not at its offsets',
    edit: (f) => {
      const ev = (at(f['relationships.yaml']!, 0).evidence as Rec[])[0]!;
      ev.start = Number(ev.start) + 1;
      ev.end = Number(ev.end) + 1;
    },
    expect: { file: 'relationships.yaml', record: relRec(0, L['relationships.yaml']![0]!), field: 'evidence.0.quote', message: /^quote ".+" is not at offset \d+ of [a-z0-9-]+ \((it is at \d+|and not found anywhere in the article)\)$/ },
    others: 'none',
  },
  {
    name: 'a mention whose surface form is not at first_offset',
    edit: (f) => {
      at(f['mentions.yaml']!, 0).first_offset = Number(at(f['mentions.yaml']!, 0).first_offset) + 2;
    },
    expect: { file: 'mentions.yaml', record: mentionRec(0, L['mentions.yaml']![0]!), field: 'quote', message: /^quote ".+" is not at offset \d+ of / },
    others: 'none',
  },
  {
    name: 'sha256 mismatch',
    edit: (f) => {
      at(f['articles.yaml']!, 0).sha256 = 'f'.repeat(64);
    },
    expect: { file: 'articles.yaml', record: rec(0, idOf(firstArticle)), field: 'sha256', message: /^the text's sha256 is [0-9a-f]{64}, not f{64}$/ },
    others: 'none',
  },
  {
    name: 'article length mismatch',
    edit: (f) => {
      at(f['articles.yaml']!, 0).length = Number(at(f['articles.yaml']!, 0).length) + 1;
    },
    expect: { file: 'articles.yaml', record: rec(0, idOf(firstArticle)), field: 'length', message: /^the text is \d+ characters long, not \d+$/ },
    others: 'none',
  },
  {
    name: 'missing article file',
    edit: (f) => {
      at(f['articles.yaml']!, 0).file = 'no_such_article.txt';
    },
    expect: { file: 'articles.yaml', record: rec(0, idOf(firstArticle)), field: 'file', message: /^article text not found at .*no_such_article\.txt$/ },
    others: 'none',
  },
];

let driver: Driver;
const copies = new SeedCopies();
const db = () => ({ database: testNeo4j().database });
let baseline = '';
let reloaded = false;

beforeAll(async () => {
  driver = testDriver();
  await ensureSeeded();
  // A state no load can produce: if any broken copy were written (reset + reload), the marker
  // would survive but the removed relationship would come back, changing the fingerprint.
  await driver.executeQuery("CREATE (:ReliabilityMarker {id: 'bad-seed-marker'})", {}, db());
  await driver.executeQuery('MATCH (:Article {dataset: $d})-[r:MENTIONS]->() WITH r LIMIT 1 DELETE r', { d: DATASET }, db());
  baseline = await graphFingerprint();
});

afterAll(async () => {
  copies.dispose();
  await driver.executeQuery('MATCH (n:ReliabilityMarker) DETACH DELETE n', {}, db());
  // The last control reloads the real data; reload here only if it did not get that far.
  if (!reloaded) await seedDatabase(driver, testNeo4j().database, { reset: true });
  await ensureSeeded();
  await driver.close();
});

describe('bad seed data (table-driven)', () => {
  it(`has at least 20 kinds of broken data (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it('control: the untouched round-tripped copy validates (so each failure below is caused by its edit)', () => {
    copies.reserialiseAll = true;
    const dir = copies.make(() => {});
    copies.reserialiseAll = false;
    expect(() => validateSeed({ dataDir: dir })).not.toThrow();
  });

  for (const c of CASES) {
    it(`refuses ${c.name}, naming file/record/field, and writes nothing`, async () => {
      const dir = copies.make((f) => c.edit?.(f), c.raw);
      const err = await seedDatabase(driver, testNeo4j().database, { dataDir: dir, reset: true }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SeedValidationError);
      const issues = (err as SeedValidationError).issues;
      const first = issues[0]!;
      expect({ file: first.file, record: first.record, field: first.field }).toEqual({ file: c.expect.file, record: c.expect.record, field: c.expect.field });
      expect(first.message).toMatch(c.expect.message);
      // The printed message carries the same location, in the form a person fixes by hand.
      const line = `  ${first.file} ${first.record}${first.field ? ` field ${first.field}` : ''}: ${first.message}`;
      expect((err as Error).message).toContain(line);
      expect((err as Error).message).toMatch(/nothing was written/);
      checkOthers(issues.slice(1), first, c.others);
      expect(await graphFingerprint()).toBe(baseline);
    });
  }

  it('control: a valid copy does load and does change this state (so "unchanged" above is meaningful)', async () => {
    const dir = copies.make(() => {});
    await seedDatabase(driver, testNeo4j().database, { dataDir: dir, reset: true });
    reloaded = true;
    expect(await graphFingerprint()).not.toBe(baseline);
  });
});

/** Further issues may only be more about the same field, or references the broken record breaks. */
function checkOthers(issues: SeedIssue[], first: SeedIssue, others: Case['others']): void {
  const rest = issues.filter((i) => !(i.file === first.file && i.record === first.record && i.field === first.field));
  if (others === 'none') {
    expect(rest).toEqual([]);
    return;
  }
  for (const i of rest) {
    expect(i.message).toMatch(/^unknown (id|article|claim) "|^"[a-z0-9-]+" is a /);
    if (others !== 'refs') expect(i.message).toContain(`"${others.refsTo}"`);
  }
}
