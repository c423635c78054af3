/**
 * An office and what its "of" names: a portfolio is no place ("Secretary of State"), a place may
 * be of several words and run on into the holder's name ("President of South Korea Yoon Suk
 * Yeol"), and CoreNLP's MISC office phrases still give their place ("Mayor of Springfield").
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { EntityCandidate, RelationshipCandidate } from '../../../src/ingest/batch';
import { spansOfMentions } from '../../../src/ingest/extract/corenlp';
import { capitalisedRuns } from '../../../src/ingest/extract/js-names';
import type { NameFinder } from '../../../src/ingest/extract/types';
import type { NlpMention } from '../../../src/runtime/corenlp/client';
import { fedFinder } from './fed-finder';

async function read(raw: string, extractor: 'js' | NameFinder) {
  const b = await extractArticle(
    { raw, format: 'txt', source: 'test', meta: { published: '2025-06-12' } },
    { extractor },
  );
  const entities = b.candidates.filter((c): c is EntityCandidate => c.kind === 'entity');
  const relations = b.candidates.filter((c): c is RelationshipCandidate => c.kind === 'relationship');
  return { names: entities.map((e) => e.text), entities, relations };
}

const jsNames = (text: string) => capitalisedRuns(text).map((n) => n.text);

/** CoreNLP's mentions as the client reports them: every whole occurrence of each phrase, with its coarse type. */
function mentionsOf(text: string, tags: Record<string, string>): NlpMention[] {
  return Object.entries(tags)
    .flatMap(([phrase, type]) =>
      [...text.matchAll(new RegExp(phrase, 'g'))].map((m) => ({
        start: m.index,
        end: m.index + phrase.length,
        text: phrase,
        type,
      })),
    )
    .sort((a, b) => a.start - b.start);
}

/** A CoreNLP finder fed the client's mentions, so the mention-to-span step (MISC included) runs as with the server. */
const fedMentions = (tags: Record<string, string>): NameFinder => ({
  info: { name: 'corenlp', version: 'fed' },
  find: async (text) => spansOfMentions(text, mentionsOf(text, tags)),
});

describe('an office whose "of" names a portfolio, not a place', () => {
  it.each([
    'The Secretary of State said the talks would go on.',
    'The Minister of Justice met the Secretary of Health.',
    'The Secretary of the Treasury and the Minister of Defence spoke.',
  ])('gives no name (JS finder): %s', (text) => {
    expect(jsNames(text)).toEqual([]);
  });

  it('leaves the holder named after it, whoever tags it', async () => {
    const raw = 'Talks resume\n\nSecretary of State Tom Weir said so. He met the Minister of Justice Lena Holm.\n';
    const fed = fedFinder({ 'Tom Weir': 'PERSON', 'Lena Holm': 'PERSON' });
    for (const finder of ['js', fed] as const)
      expect((await read(raw, finder)).names).toEqual(expect.arrayContaining(['Tom Weir', 'Lena Holm']));
  });

  it('leaves the holder after it (JS finder)', () => {
    expect(jsNames('Secretary of the Treasury Lena Holm said so.')).toEqual(['Lena Holm']);
    expect(jsNames('Minister of Homeland Security Lena Holm said so.')).toEqual(['Lena Holm']);
  });

  // CoreNLP 4.5.10 tags "State" and "Justice" of these sentences ORGANIZATION; the other tags are the
  // variants seen in other contexts (the whole office a PERSON, the place cut in two, a MISC office).
  it.each([
    ['The Secretary of State said the talks would go on.', { 'Secretary of State': 'PERSON' }, []],
    ['The Secretary of State said the talks would go on.', { State: 'ORGANIZATION' }, []],
    ['The Secretary of the Treasury said so.', { Treasury: 'ORGANIZATION' }, []],
    ['Secretary of State Lena Holm said so.', { 'Secretary of State Lena Holm': 'PERSON' }, ['Lena Holm']],
    [
      'Minister of Justice Lena Holm met Tom Weir.',
      { 'Justice Lena Holm': 'PERSON', 'Tom Weir': 'PERSON' },
      ['Lena Holm', 'Tom Weir'],
    ],
  ] as const)('gives no place as CoreNLP tags it: %s %j', async (text, tags, expected) => {
    const r = await read(text, fedFinder(tags));
    expect(r.names).toEqual(expected);
    expect(r.entities.every((e) => e.type === 'PERSON')).toBe(true);
  });

  it('still gives the place of an office of a place', async () => {
    expect(jsNames('He met the President of Ruritania and the Secretary of State.')).toEqual(['Ruritania']);
    const r = await read('He met the President of Ukraine.', fedFinder({ 'President of Ukraine': 'PERSON' }));
    expect(r.names).toEqual(['Ukraine']);
  });
});

describe('a place of several words after an office, run on into the holder', () => {
  const TEXT = 'President of South Korea Yoon Suk Yeol said the talks would go on.';

  it.each([
    ['the whole phrase a PERSON', { 'President of South Korea Yoon Suk Yeol': 'PERSON' }],
    ['the place cut in two', { 'Korea Yoon Suk Yeol': 'PERSON' }],
  ] as const)('gives the place and the person as CoreNLP tags it (%s)', async (_, tags) => {
    const r = await read(TEXT, fedFinder(tags));
    expect(r.entities.map((e) => [e.text, e.type])).toEqual([
      ['South Korea', 'PLACE'],
      ['Yoon Suk Yeol', 'PERSON'],
    ]);
    for (const e of r.entities) expect(e.quote).toBe(e.text);
  });

  it('gives the place and the person (JS finder)', () => {
    expect(jsNames(TEXT)).toEqual(['South Korea', 'Yoon Suk Yeol']);
    expect(jsNames('Mayor of New York City Lena Holm said so.')).toEqual(['New York City', 'Lena Holm']);
    expect(jsNames('Governor of Ostrava Region Lena Holm said so.')).toEqual(['Ostrava Region', 'Lena Holm']);
    expect(jsNames('He met the President of the United States Lena Holm.')).toEqual(['United States', 'Lena Holm']);
    expect(jsNames('President of Ukraine Lena Holm said so.')).toEqual(['Ukraine', 'Lena Holm']);
    expect(jsNames('He flew to meet the President of United Arab Emirates.')).toEqual(['United Arab Emirates']);
  });

  it('makes the holder lead the place, the title kept', async () => {
    for (const finder of ['js', fedFinder({ 'President of South Korea Yoon Suk Yeol': 'PERSON' })] as const) {
      const r = await read(TEXT, finder);
      expect(r.relations.map((x) => [x.type, x.from.text, x.to.text, x.cue])).toEqual([
        ['LEADS', 'Yoon Suk Yeol', 'South Korea', 'President'],
      ]);
    }
  });
});

describe('an office phrase CoreNLP tags MISC', () => {
  it.each([
    [
      'The Governor of the Zaporizhzhia Region said two people were hurt.',
      'Governor of the Zaporizhzhia Region',
      'Zaporizhzhia Region',
    ],
    ['The Mayor of Springfield said the roads were closed.', 'Mayor of Springfield', 'Springfield'],
  ])('gives its place: %s', async (text, phrase, place) => {
    const spans = spansOfMentions(text, mentionsOf(text, { [phrase]: 'MISC' }));
    expect(spans.map((s) => [s.text, s.type])).toEqual([[place, 'PLACE']]);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe(place);
    const r = await read(text, fedMentions({ [phrase]: 'MISC' }));
    expect(r.entities.map((e) => [e.text, e.type])).toEqual([[place, 'PLACE']]);
  });

  it('leaves out a MISC portfolio, a lower-case tail and other MISC names', () => {
    const text = 'The Secretary of State, the Mayor of the city and Ukrainian officials met at the World Cup.';
    const tags = { 'Secretary of State': 'MISC', 'Mayor of the city': 'MISC', Ukrainian: 'MISC', 'World Cup': 'MISC' };
    expect(spansOfMentions(text, mentionsOf(text, tags))).toEqual([]);
  });
});
