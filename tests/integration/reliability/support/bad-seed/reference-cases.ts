import type { Rec } from '../seed-copies';
import type { Case } from './lookup';
import {
  L,
  rec,
  relRec,
  mentionRec,
  at,
  idOf,
  iFreeClaim,
  iContradicting,
  iRelNoEventFrom,
  firstEventId,
  firstPlaceId,
  firstPersonId,
  iArticleWithAuthors,
  firstArticle,
} from './lookup';

/** Records that are well-formed but wrong together: references between records, and quotes against the article texts. */
export const REFERENCE_CASES: Case[] = [
  // --- references between records ----------------------------------------------------------------
  {
    name: 'duplicate id across files',
    edit: (f) => {
      f['weapons.yaml']!.push({ id: firstPersonId, name: 'Clash', description: 'a weapon reusing a person id' });
    },
    expect: {
      file: 'weapons.yaml',
      record: rec(L['weapons.yaml']!.length, firstPersonId),
      field: 'id',
      message: /^duplicate id: already used in people\.yaml$/,
    },
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
    expect: {
      file: 'claims.yaml',
      record: rec(iFreeClaim, idOf(L['claims.yaml']![iFreeClaim])),
      field: 'claimant',
      message: /^unknown id "nobody-at-all"$/,
    },
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
    expect: {
      file: 'claims.yaml',
      record: rec(iFreeClaim, idOf(L['claims.yaml']![iFreeClaim])),
      field: 'about.0',
      message: new RegExp(`^"${firstPlaceId}" is a Place, expected an Event$`),
    },
    others: 'none',
  },
  {
    name: 'unknown claim in contradicts',
    edit: (f) => {
      at(f['claims.yaml']!, iFreeClaim).contradicts ??= [];
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
    expect: {
      file: 'mentions.yaml',
      record: mentionRec(0, { ...L['mentions.yaml']![0]!, entity: 'ghost-entity' }),
      field: 'entity',
      message: /^unknown id "ghost-entity"$/,
    },
    others: 'none',
  },
  {
    name: 'unknown article in a relationship evidence',
    edit: (f) => {
      (at(f['relationships.yaml']!, 0).evidence as Rec[])[0]!.article = 'ghost-article';
    },
    expect: {
      file: 'relationships.yaml',
      record: relRec(0, L['relationships.yaml']![0]!),
      field: 'evidence.0.article',
      message: /^unknown article "ghost-article"$/,
    },
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
      message: new RegExp(
        `^${String(L['relationships.yaml']![iRelNoEventFrom]!.type)} does not allow a Event as its from \\(vocabulary: `,
      ),
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
      f['vocabulary.yaml']!.push({
        type: 'MENTIONS',
        from: ['Article'],
        to: ['Person'],
        meaning: 'reserved for the loader',
      });
    },
    expect: {
      file: 'vocabulary.yaml',
      record: rec(L['vocabulary.yaml']!.length, 'MENTIONS'),
      field: 'type',
      message: /^reserved: created by the loader/,
    },
    others: 'none',
  },
  {
    name: "offsets that do not match the quote's length",
    edit: (f) => {
      const ev = (at(f['relationships.yaml']!, 0).evidence as Rec[])[0]!;
      ev.end = Number(ev.end) + 3;
    },
    expect: {
      file: 'relationships.yaml',
      record: relRec(0, L['relationships.yaml']![0]!),
      field: 'evidence.0.end',
      message: /^end - start \(\d+\) differs from the quote's length \(\d+\)$/,
    },
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
    expect: {
      file: 'relationships.yaml',
      record: relRec(0, L['relationships.yaml']![0]!),
      field: 'evidence.0.quote',
      message:
        /^quote ".+" is not at offset \d+ of [a-z0-9-]+ \((it is at \d+|and not found anywhere in the article)\)$/,
    },
    others: 'none',
  },
  {
    name: 'a mention whose surface form is not at first_offset',
    edit: (f) => {
      at(f['mentions.yaml']!, 0).first_offset = Number(at(f['mentions.yaml']!, 0).first_offset) + 2;
    },
    expect: {
      file: 'mentions.yaml',
      record: mentionRec(0, L['mentions.yaml']![0]!),
      field: 'quote',
      message: /^quote ".+" is not at offset \d+ of /,
    },
    others: 'none',
  },
  {
    name: 'sha256 mismatch',
    edit: (f) => {
      at(f['articles.yaml']!, 0).sha256 = 'f'.repeat(64);
    },
    expect: {
      file: 'articles.yaml',
      record: rec(0, idOf(firstArticle)),
      field: 'sha256',
      message: /^the text's sha256 is [0-9a-f]{64}, not f{64}$/,
    },
    others: 'none',
  },
  {
    name: 'article length mismatch',
    edit: (f) => {
      at(f['articles.yaml']!, 0).length = Number(at(f['articles.yaml']!, 0).length) + 1;
    },
    expect: {
      file: 'articles.yaml',
      record: rec(0, idOf(firstArticle)),
      field: 'length',
      message: /^the text is \d+ characters long, not \d+$/,
    },
    others: 'none',
  },
  {
    name: 'missing article file',
    edit: (f) => {
      at(f['articles.yaml']!, 0).file = 'no_such_article.txt';
    },
    expect: {
      file: 'articles.yaml',
      record: rec(0, idOf(firstArticle)),
      field: 'file',
      message: /^article text not found at .*no_such_article\.txt$/,
    },
    others: 'none',
  },
];
