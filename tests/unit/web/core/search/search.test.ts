import { describe, expect, it } from 'vitest';
import type { SchemaResponse, SearchHit } from '../../../../../src/shared/api';
import { hitSubtitle, searchLabels } from '../../../../../src/web/core/search/search';
import { node } from '../../../../support/fixtures';

const schema = (labels: string[]) =>
  ({ labels: labels.map((label) => ({ label, count: 1 })) }) as unknown as SchemaResponse;
const hit = (properties: Record<string, unknown>, labels = ['Person', 'Entity']): SearchHit => ({
  node: node('x', labels, properties),
  score: 1,
  exact: false,
});

describe('search helpers', () => {
  it('offers our entity labels in a fixed order, else (another database) the first labels but :Entity', () => {
    expect(searchLabels(schema(['Article', 'Place', 'Person', 'Entity', 'Claim']))).toEqual(['Person', 'Place']);
    expect(searchLabels(schema(['Movie', 'Entity', 'Actor']))).toEqual(['Movie', 'Actor']);
    expect(searchLabels(schema(Array.from({ length: 12 }, (_, i) => `L${i}`)))).toHaveLength(8);
    expect(searchLabels(null)).toEqual([]);
  });

  it('describes a hit by its role, else its description, else its labels, in at most 90 characters', () => {
    expect(hitSubtitle(hit({ role: 'Governor', description: 'A man' }))).toBe('Governor');
    expect(hitSubtitle(hit({ description: 'A city' }, ['Place', 'Entity']))).toBe('A city');
    expect(hitSubtitle(hit({}, ['Place', 'Entity']))).toBe('Place');
    expect(hitSubtitle(hit({ description: 'y'.repeat(100) }))).toBe(`${'y'.repeat(88)}…`);
  });
});
