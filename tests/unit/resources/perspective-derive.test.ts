import { describe, expect, it } from 'vitest';
import { PerspectiveSchema } from '../../../src/shared/api/perspectives';
import { claimModelMissing } from '../../../src/shared/api/claims';
import { derivePerspective, searchPlaceholder } from '../../../src/server/resources/perspectives/derive';
import type { PropStat, SchemaSample, TokenSample } from '../../../src/server/resources/perspectives/sample';

const prop = (key: string, types: string[], o: Partial<PropStat> = {}): PropStat => ({
  key,
  types,
  filled: 10,
  avgLen: types.includes('STRING') ? 12 : null,
  distinct: 10,
  minInt: null,
  maxInt: null,
  isoDates: 0,
  ...o,
});
const token = (name: string, count: number, props: PropStat[]): TokenSample => ({ name, count, sampled: 10, props });

const sample = (over: Partial<SchemaSample> = {}): SchemaSample => ({
  database: 'films',
  labels: [
    token('Movie', 30, [prop('title', ['STRING']), prop('released', ['INTEGER'], { minInt: 1990, maxInt: 2020 })]),
    token('Person', 50, [
      prop('name', ['STRING']),
      prop('born', ['DATE']),
      prop('aliases', ['LIST<STRING>'], { filled: 1 }),
    ]),
    token('Studio', 2, [prop('id', ['INTEGER'], { minInt: 1, maxInt: 500 }), prop('code', ['STRING'])]),
    token('Sensor', 5, [prop('serial', ['STRING']), prop('location', ['POINT'])]),
  ],
  types: [token('ACTED_IN', 80, [prop('roles', ['LIST<STRING>'])]), token('DIRECTED', 10, [])],
  fulltext: [],
  ...over,
});

describe('a perspective derived from a schema sample', () => {
  it('captions by the most name-like string, icons by label name, relationship captions by a short text', () => {
    const p = PerspectiveSchema.parse(derivePerspective(sample()));
    const by = Object.fromEntries(p.labels.map((l) => [l.label, l]));
    expect(p.labels.map((l) => l.label)).toEqual(['Person', 'Movie', 'Sensor', 'Studio']); // most numerous first
    expect(by.Movie!.caption).toBe('title');
    expect(by.Person!.caption).toBe('name');
    expect(by.Studio!.caption).toBe('code');
    expect(by.Sensor!.caption).toBe('serial');
    expect(by.Person!.icon).toBe('person');
    expect(by.Movie!.icon).toBe('film');
    expect(new Set(p.labels.map((l) => l.color.light)).size).toBe(4);
    expect(Object.fromEntries(p.relationships.map((r) => [r.type, r.caption]))).toEqual({
      ACTED_IN: 'roles',
      DIRECTED: '', // the type written on every edge adds nothing: it shows on hover and in the detail
    });
  });

  it('offers a label as a search filter only when it has a property search reads', () => {
    const p = derivePerspective(sample({ labels: [...sample().labels, token('NoProps', 1, [])] }));
    const by = Object.fromEntries(p.labels.map((l) => [l.label, l.searchFilter]));
    expect(by).toEqual({ Person: true, Movie: true, Studio: true, Sensor: true, NoProps: false });
  });

  it('views only where the data has what they need', () => {
    const v = derivePerspective(sample()).views;
    expect(v.timeline.on).toBe(true);
    expect(v.timeline.dates).toEqual([
      { label: 'Person', property: 'born', kind: 'date' },
      { label: 'Movie', property: 'released', kind: 'year' },
    ]);
    expect(v.map).toEqual({ on: true, points: ['location'], latLon: [] });
    expect(v.claims).toBe(false);
    expect(v.corroboration).toBe(false);
    const bare = derivePerspective(sample({ labels: [token('Thing', 3, [prop('name', ['STRING'])])], types: [] }));
    expect(bare.views.timeline.on).toBe(false);
    expect(bare.views.map.on).toBe(false);
  });

  it('the claims board only with the claim model, and a sentence naming what is missing', () => {
    const claims = sample({
      labels: [...sample().labels, token('Claim', 3, [prop('statement', ['STRING'])])],
      types: [...sample().types, token('MADE', 3, []), token('ABOUT', 3, [])],
    });
    expect(derivePerspective(claims).views.claims).toBe(true);
    expect(claimModelMissing({ labels: ['Claim'], types: ['MADE', 'ABOUT'] })).toBeNull();
    const why = claimModelMissing({ labels: ['Movie'], types: ['MADE'] })!;
    expect(why).toMatch(/^The claims board needs newsgraph's claim model: .*This database has no :Claim, ABOUT\.$/);
  });

  it('search: name-like properties first, aliases even when sparse, the id key, and covering full-text indexes', () => {
    const s = derivePerspective(
      sample({
        fulltext: [
          { name: 'titles', labels: ['Movie'], properties: ['title'] },
          { name: 'other', labels: ['X'], properties: ['zzz'] },
          // Left behind on a label with no nodes: covers `name`, finds nothing.
          { name: 'left_behind', labels: ['Entity'], properties: ['name'] },
        ],
      }),
    ).search;
    expect(s.properties.slice(0, 2)).toEqual(['name', 'title']);
    expect(s.properties).toEqual(expect.arrayContaining(['code', 'aliases', 'id']));
    expect(s.indexes).toEqual(['titles']);
    expect(s.placeholder).toBe('Search Person, Movie…');
  });

  it('search placeholder: the labels that fit the top bar, "…" when some are left out, a long one cut', () => {
    expect(searchPlaceholder([])).toBe('Search…');
    expect(searchPlaceholder(['Person', 'Movie'])).toBe('Search Person, Movie');
    expect(searchPlaceholder(['Person', 'Movie', 'Sensor', 'X'])).toBe('Search Person, Movie…');
    expect(searchPlaceholder(['ProductionCompany', 'Movie'])).toBe('Search ProductionCompany…');
    const long = searchPlaceholder(['InternationalBroadcastingOrganisation', 'Movie']);
    expect(long).toBe('Search InternationalBroadca…');
    expect(long.length).toBeLessThanOrEqual(28);
  });
});
