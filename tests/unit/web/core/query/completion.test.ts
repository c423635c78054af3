import { describe, expect, it } from 'vitest';
import { completeCypher, type CompletionSchema } from '../../../../../src/web/core/query/completion';

const schema: CompletionSchema = {
  labels: ['Person', 'Place', 'Organization'],
  relationshipTypes: ['MENTIONS', 'MADE', 'LOCATED_IN'],
  propertyKeys: ['id', 'name', 'location', 'published'],
  labelProperties: { Person: ['id', 'name', 'role'], Place: ['id', 'name', 'location'] },
  functions: [
    { name: 'toUpper', signature: 'toUpper(input :: STRING) :: STRING' },
    { name: 'toInteger', signature: 'toInteger(input :: ANY) :: INTEGER' },
  ],
  parameters: ['person'],
};

const labels = (q: string, explicit = false, pos = q.length) =>
  completeCypher(q, pos, schema, explicit)?.options.map((o) => o.label) ?? null;

describe('Cypher completion', () => {
  it('offers keywords and functions for a started word', () => {
    expect(labels('MATCH (n:Person) WH')).toContain('WHERE');
    expect(labels('RETURN toUp')).toEqual(['toUpper']);
    expect(completeCypher('RETURN toUp', 11, schema, false)!.options[0]!.apply).toBe('toUpper(');
  });

  it('lists relationship types right after "[r:" when asked, and after "|"', () => {
    expect(labels('MATCH (a)-[r:', true)).toEqual(['MENTIONS', 'MADE', 'LOCATED_IN']);
    expect(labels('MATCH (a)-[:MADE|M')).toEqual(['MENTIONS', 'MADE']);
  });

  it('labels after "(n:", properties of the variable’s labels after "n." and inside "{…"', () => {
    expect(labels('MATCH (n:P')).toEqual(['Person', 'Place']);
    expect(labels('MATCH (p:Person) RETURN p.')).toEqual(['id', 'name', 'role']);
    expect(labels('MATCH (x:Place {lo')).toEqual(['location']);
    expect(labels("MATCH (x:Person {id: 'a', na")).toEqual(['name']);
    // An unknown variable: every key.
    expect(labels('MATCH (q) RETURN q.', true)).toEqual(['id', 'name', 'location', 'published']);
  });

  it('parameters after "$"; nothing inside a string or a comment, or unasked for an empty word', () => {
    expect(labels('MATCH (p {id: $pe')).toEqual(['person']);
    expect(labels("RETURN 'WH")).toBeNull();
    expect(labels('RETURN 1 // WH')).toBeNull();
    expect(labels('MATCH (n) ')).toBeNull();
  });
});
