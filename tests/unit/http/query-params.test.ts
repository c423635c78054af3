import { describe, expect, it } from 'vitest';
import { API_CONTRACTS } from '../../../src/shared/api/index';
import { NeighboursQuerySchema } from '../../../src/shared/api/nodes';
import { OverviewQuerySchema } from '../../../src/shared/api/overview';
import { PathsQuerySchema } from '../../../src/shared/api/paths';
import { parseQuery } from '../../../src/server/http/context';

/** The 400's message, or null when the query parsed. */
function refusal(schema: Parameters<typeof parseQuery>[0], query: Record<string, string>): string | null {
  try {
    parseQuery(schema, query);
    return null;
  } catch (e) {
    expect((e as { status?: number }).status).toBe(400);
    return (e as Error).message;
  }
}

describe('query strings', () => {
  it('every GET route with a query schema refuses a parameter it does not list, naming it', () => {
    const gets = API_CONTRACTS.filter((c) => c.method === 'GET' && c.query);
    expect(gets.length).toBeGreaterThanOrEqual(9);
    for (const c of gets)
      expect(refusal(c.query!, { zzzUnknown: '1' }), c.path).toMatch(/^zzzUnknown: unknown parameter zzzUnknown/);
  });

  it('suggests the near spelling, else lists what the route takes', () => {
    expect(refusal(NeighboursQuerySchema, { type: 'NOPE' })).toBe('type: unknown parameter type (did you mean types?)');
    expect(refusal(NeighboursQuerySchema, { label: 'Nope' })).toBe(
      'label: unknown parameter label (did you mean labels?)',
    );
    expect(refusal(PathsQuerySchema, { from: 'a', to: 'b', maxhops: '1' })).toBe(
      'maxhops: unknown parameter maxhops (did you mean maxHops?)',
    );
    // The misspelt name explains a missing one: it is named first.
    expect(refusal(PathsQuerySchema, { form: 'a', to: 'b' })).toBe('form: unknown parameter form (did you mean from?)');
    expect(refusal(OverviewQuerySchema, { limit: 'abc' })).toBe(
      'limit: unknown parameter limit (this route takes top)',
    );
    expect(refusal(OverviewQuerySchema, { top: '10' })).toBeNull();
  });
});
