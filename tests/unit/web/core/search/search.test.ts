import { describe, expect, it } from 'vitest';
import type { SchemaResponse, SearchHit } from '../../../../../src/shared/api';
import {
  firstMatch,
  hitCaption,
  hitSubtitle,
  searchLabels,
  snippetAround,
} from '../../../../../src/web/core/search/search';
import { node } from '../../../../support/fixtures';
import { newsPerspective } from '../../../../support/perspectives';

const schema = (labels: string[]) =>
  ({ labels: labels.map((label) => ({ label, count: 1 })) }) as unknown as SchemaResponse;
const hit = (properties: Record<string, unknown>, labels = ['Person', 'Entity']): SearchHit => ({
  kind: labels.includes('Claim') ? 'claim' : 'node',
  node: node('x', labels, properties),
  score: 1,
  exact: false,
  claimant: null,
});

describe('search helpers', () => {
  it("offers the perspective's filter labels in its order, then the database's others", () => {
    const news = newsPerspective();
    expect(searchLabels(schema(['Article', 'Place', 'Person', 'Entity', 'Claim']), news)).toEqual([
      'Person',
      'Place',
      'Claim',
      'Article',
    ]);
    expect(searchLabels(schema(['Movie', 'Entity', 'Actor']), news)).toEqual(['Movie', 'Actor']);
    expect(searchLabels(schema(['Movie', 'Actor']), null)).toEqual(['Movie', 'Actor']);
    expect(searchLabels(schema(Array.from({ length: 20 }, (_, i) => `L${i}`)), null)).toHaveLength(12);
    expect(searchLabels(null)).toEqual([]);
  });

  it('offers no filter for a label none of whose properties search reads', () => {
    const s = {
      ...schema(['Movie', 'NoProps', 'Stop']),
      labelProperties: { Movie: ['released', 'title'], NoProps: [], Stop: ['seq'] },
    } as SchemaResponse;
    const p = { ...newsPerspective(), labels: [] };
    expect(p.search.properties).toContain('title');
    expect(searchLabels(s, p)).toEqual(['Movie']);
    expect(searchLabels(s, null)).toEqual(['Movie', 'NoProps', 'Stop']); // no perspective: nothing known of search
  });

  it('describes a hit by its role, else its description, else its labels, in at most 90 characters', () => {
    expect(hitSubtitle(hit({ role: 'Governor', description: 'A man' }))).toBe('Governor');
    expect(hitSubtitle(hit({ description: 'A city' }, ['Place', 'Entity']))).toBe('A city');
    expect(hitSubtitle(hit({}, ['Place', 'Entity']))).toBe('Place');
    expect(hitSubtitle(hit({ description: 'y'.repeat(100) }))).toBe(`${'y'.repeat(88)}…`);
  });

  it('labels a claim as one, with who made it, and cuts its statement', () => {
    const claim = { ...hit({ statement: 's'.repeat(200) }, ['Claim']), claimant: 'Vyacheslav Gladkov' };
    claim.node.caption = 's'.repeat(200);
    expect(hitSubtitle(claim)).toBe('Claim by Vyacheslav Gladkov');
    expect(hitSubtitle({ ...claim, claimant: null })).toBe('Claim');
    expect(hitCaption(claim)).toBe(`${'s'.repeat(108)}…`);
    expect(hitCaption(hit({}, ['Place', 'Entity']))).toBe(hit({}, ['Place', 'Entity']).node.caption);
  });

  it('cuts a long claim around the first word the query matched, with an ellipsis at each cut end', () => {
    const statement =
      'On the evening of the strike the regional governor said that the air defence systems of the city had ' +
      'intercepted most of the incoming rockets, but that debris from cluster-armed missiles fell on a residential ' +
      'district near the market, wounding several people.';
    const claim = { ...hit({}, ['Claim']), claimant: null };
    claim.node.caption = statement;
    const shown = hitCaption(claim, 'cluster-armed missiles');
    expect(shown.length).toBeLessThanOrEqual(110);
    expect(shown).toContain('cluster-armed missiles');
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    // Cut at spaces: whole words at both ends.
    expect(statement).toContain(shown.slice(1, -1));
    expect(statement).toMatch(new RegExp(`[ ]${shown.slice(1, 6)}`));
    // Centred: about as much before the match as after it.
    const at = shown.indexOf('cluster');
    const after = shown.length - (at + 'cluster-armed missiles'.length);
    expect(Math.abs(at - after)).toBeLessThan(20);
    // A match near the end keeps the end whole; near the start, the start (as without a query).
    expect(hitCaption(claim, 'wounding').endsWith('people.')).toBe(true);
    expect(hitCaption(claim, 'wounding').startsWith('…')).toBe(true);
    expect(hitCaption(claim, 'evening')).toMatch(/^On the evening .*…$/);
    // A match that fits from the start leaves the sentence its beginning.
    expect(hitCaption(claim, 'air defence')).toMatch(/^On the evening .*air defence.*…$/);
    expect(hitCaption(claim, 'nothing like it')).toBe(hitCaption(claim));
    expect(hitCaption(claim)).toBe(`${statement.slice(0, 108)}…`);
  });

  it('finds the first word a query matches: by prefix, longer words first, and past a typo', () => {
    const text = 'An official of Kharkiv says a missile hit the city.';
    expect(firstMatch(text, 'missi')).toEqual({ start: 30, end: 37 });
    // Short words are in almost every sentence: the longest word places the snippet, unless the
    // words are found in a row.
    expect(firstMatch(text, 'the missile')).toEqual({ start: 30, end: 37 });
    expect(firstMatch(text, 'a missile')).toEqual({ start: 28, end: 37 });
    expect(firstMatch(text, 'hit the cit')).toEqual({ start: 38, end: 50 });
    expect(firstMatch(text, 'of')).toEqual({ start: 3, end: 11 });
    expect(firstMatch(text, 'Kharkov')).toEqual({ start: 15, end: 22 });
    expect(firstMatch(text, 'ssile')).toBeNull();
    expect(snippetAround('short', { start: 0, end: 5 }, 110)).toBe('short');
  });
});
