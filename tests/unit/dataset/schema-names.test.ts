import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaNames } from '../../../src/dataset/schema-upgrade';
import { SCHEMA_CYPHER } from '../../../src/runtime/paths';

describe('the names a schema file creates', () => {
  it('reads every constraint and index of cypher/schema.cypher, full-text ones included', () => {
    const text = readFileSync(SCHEMA_CYPHER, 'utf8');
    const names = schemaNames(text);
    expect(names).toEqual(
      expect.arrayContaining(['entity_id', 'claim_id', 'entity_names', 'claim_statements', 'article_titles']),
    );
    expect(names).toHaveLength(text.match(/^CREATE /gm)!.length);
    expect(
      schemaNames('// CREATE INDEX commented_out IF NOT EXISTS\nCREATE RANGE INDEX a_b FOR (n:A) ON (n.b);'),
    ).toEqual(['a_b']);
  });
});
