import { describe, expect, it } from 'vitest';
import type { SchemaResponse, SearchHit } from '../../../../../src/shared/api';
import { hitCaption, hitSubtitle, searchLabels } from '../../../../../src/web/core/search/search';
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
});
