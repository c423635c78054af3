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
  iDatedEvent,
  iRangeEvent,
  iPlaceWithLocation,
  iRelLaterQuote,
  firstPersonId,
  firstArticle,
  words31,
} from './lookup';

/** Broken files and broken records: syntax, missing files, field shapes and values. */
export const SHAPE_CASES: Case[] = [
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
    expect: {
      file: 'people.yaml',
      record: rec(0, firstPersonId),
      field: 'description',
      message: /^description is required$/,
    },
    others: { refsTo: firstPersonId },
  },
  {
    name: 'wrong type (count is a string)',
    edit: (f) => {
      at(f['mentions.yaml']!, 0).count = 'three';
    },
    expect: {
      file: 'mentions.yaml',
      record: mentionRec(0, L['mentions.yaml']![0]!),
      field: 'count',
      message: /expected number, received string/,
    },
    others: 'none',
  },
  {
    name: 'impossible calendar date on an event (2023-02-30)',
    edit: (f) => {
      at(f['events.yaml']!, iDatedEvent).date = '2023-02-30';
    },
    expect: {
      file: 'events.yaml',
      record: rec(iDatedEvent, idOf(L['events.yaml']![iDatedEvent])),
      field: 'date',
      message: /^is not a real calendar date$/,
    },
    others: { refsTo: idOf(L['events.yaml']![iDatedEvent]) },
  },
  {
    name: 'impossible calendar date on a claim (2023-02-30)',
    edit: (f) => {
      at(f['claims.yaml']!, iFreeClaim).date = '2023-02-30';
    },
    expect: {
      file: 'claims.yaml',
      record: rec(iFreeClaim, idOf(L['claims.yaml']![iFreeClaim])),
      field: 'date',
      message: /^is not a real calendar date$/,
    },
    others: 'none',
  },
  {
    name: 'a date that is not YYYY-MM-DD',
    edit: (f) => {
      at(f['articles.yaml']!, 0).published = '21/04/2023';
    },
    expect: {
      file: 'articles.yaml',
      record: rec(0, idOf(firstArticle)),
      field: 'published',
      message: /^must be a date YYYY-MM-DD$/,
    },
    others: { refsTo: idOf(firstArticle) },
  },
  {
    name: 'date_from after date_to',
    edit: (f) => {
      const e = at(f['events.yaml']!, iRangeEvent);
      [e.date_from, e.date_to] = [e.date_to, e.date_from];
    },
    expect: {
      file: 'events.yaml',
      record: rec(iRangeEvent, idOf(L['events.yaml']![iRangeEvent])),
      field: 'date_to',
      message: /^date_from is after date_to$/,
    },
    others: { refsTo: idOf(L['events.yaml']![iRangeEvent]) },
  },
  {
    name: 'both date and date_from on one event',
    edit: (f) => {
      at(f['events.yaml']!, iDatedEvent).date_from = '2020-01-01';
    },
    expect: {
      file: 'events.yaml',
      record: rec(iDatedEvent, idOf(L['events.yaml']![iDatedEvent])),
      field: 'date',
      message: /^give either date or date_from\/date_to, not both$/,
    },
    others: { refsTo: idOf(L['events.yaml']![iDatedEvent]) },
  },
  {
    name: 'an id that is not a slug',
    edit: (f) => {
      f['weapons.yaml']!.push({ id: 'Bad Id', name: 'Bad', description: 'a weapon with a malformed id' });
    },
    expect: {
      file: 'weapons.yaml',
      record: rec(L['weapons.yaml']!.length, 'Bad Id'),
      field: 'id',
      message: /kebab-case slug/,
    },
    others: 'none',
  },
  {
    name: 'unknown claim status',
    edit: (f) => {
      at(f['claims.yaml']!, iFreeClaim).status = 'disputed';
    },
    expect: {
      file: 'claims.yaml',
      record: rec(iFreeClaim, idOf(L['claims.yaml']![iFreeClaim])),
      field: 'status',
      message: /^status must be contested, unanswered[, ]/,
    },
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
      f['places.yaml']!.push({
        id: 'nowhere-in-particular',
        name: 'Nowhere',
        description: 'a place with coordinates but no source',
        kind: 'city',
        location: { lat: 1, lon: 2 },
      });
    },
    expect: {
      file: 'places.yaml',
      record: rec(L['places.yaml']!.length, 'nowhere-in-particular'),
      field: 'location_source',
      message: /^location needs a location_source$/,
    },
    others: 'none',
  },
  {
    name: 'an extra field holding an object',
    edit: (f) => {
      f['people.yaml']!.push({
        id: 'extra-field-person',
        name: 'Extra',
        description: 'a person with a nested extra field',
        extra_info: { nested: { deep: 1 } },
      });
    },
    expect: {
      file: 'people.yaml',
      record: rec(L['people.yaml']!.length, 'extra-field-person'),
      field: 'extra_info',
      message: /^must be a string, number, boolean or a list of one of those/,
    },
    others: 'none',
  },
  {
    name: 'negative casualty count',
    edit: (f) => {
      f['events.yaml']!.push({
        id: 'negative-casualties',
        name: 'Neg',
        description: 'an event with a negative toll',
        kind: 'strike',
        killed: -3,
      });
    },
    expect: {
      file: 'events.yaml',
      record: rec(L['events.yaml']!.length, 'negative-casualties'),
      field: 'killed',
      message: />=0|non-?negative|too small/i,
    },
    others: 'none',
  },
  {
    name: 'quote longer than 30 words',
    edit: (f) => {
      const ev = (at(f['relationships.yaml']!, 0).evidence as Rec[])[0]!;
      ev.quote = words31;
      ev.end = Number(ev.start) + words31.length;
    },
    expect: {
      file: 'relationships.yaml',
      record: relRec(0, L['relationships.yaml']![0]!),
      field: 'evidence.0.quote',
      message: /^quote is longer than 30 words$/,
    },
    others: 'none',
  },
  {
    name: 'empty quote',
    edit: (f) => {
      const ev = (at(f['relationships.yaml']!, iRelLaterQuote).evidence as Rec[])[0]!;
      ev.quote = '';
      ev.end = ev.start;
    },
    expect: {
      file: 'relationships.yaml',
      record: relRec(iRelLaterQuote, L['relationships.yaml']![iRelLaterQuote]!),
      field: 'evidence.0.quote',
      message: /^quote must not be empty$/,
    },
    others: 'none',
  },
  {
    name: 'a relationship without evidence',
    edit: (f) => {
      at(f['relationships.yaml']!, 2).evidence = [];
    },
    expect: {
      file: 'relationships.yaml',
      record: relRec(2, L['relationships.yaml']![2]!),
      field: 'evidence',
      message: /^every relationship needs at least one evidence quote$/,
    },
    others: 'none',
  },
];
