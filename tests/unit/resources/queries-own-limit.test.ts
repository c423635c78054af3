import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownLimit } from '../../../src/server/resources/queries/own-limit';

describe("a saved query's own final LIMIT", () => {
  it('is asked for one row more, as a literal or a parameter', () => {
    expect(ownLimit('MATCH (n) RETURN n\nLIMIT 200\n', {})).toEqual({
      limit: 200,
      cypher: 'MATCH (n) RETURN n\nLIMIT 201',
    });
    expect(ownLimit('MATCH (n) RETURN n LIMIT $limit;\n// a note\n', { limit: 25n })).toEqual({
      limit: 25,
      cypher: 'MATCH (n) RETURN n LIMIT $limit + 1',
    });
  });

  it('is not guessed where it does not bound the whole answer', () => {
    expect(ownLimit('MATCH (n) RETURN n', {})).toBeNull();
    expect(ownLimit('MATCH (n) WITH n LIMIT 5 RETURN n.name', {})).toBeNull();
    expect(ownLimit('MATCH (a:A) RETURN a AS x LIMIT 5 UNION MATCH (b:B) RETURN b AS x LIMIT 5', {})).toBeNull();
    expect(ownLimit('CALL () { MATCH (n) RETURN n LIMIT 5 }', {})).toBeNull();
    expect(ownLimit('MATCH (n) RETURN n LIMIT $k', { k: 'many' })).toBeNull();
  });

  it('is found in every repository query that ends in one', () => {
    const dir = 'cypher/queries';
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.cypher'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const own = ownLimit(text, { limit: 10 });
      expect(own, f).not.toBeNull();
      expect(own!.cypher.startsWith(text.slice(0, text.lastIndexOf('LIMIT'))), f).toBe(true);
    }
  });
});
