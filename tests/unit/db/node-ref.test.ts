import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_CYPHER } from '../../../src/runtime/paths';
import { KEYED_LABELS, matchNode } from '../../../src/server/db/node-ref';

describe('node addresses', () => {
  it('look keys up only in labels whose `id` the schema makes unique (so indexed)', () => {
    const schema = readFileSync(SCHEMA_CYPHER, 'utf8');
    const unique = [...schema.matchAll(/FOR \(n:(\w+)\) REQUIRE n\.id IS UNIQUE/g)].map((m) => m[1]);
    expect(unique.length).toBeGreaterThan(0);
    for (const l of KEYED_LABELS) expect(unique).toContain(l);
  });

  it('seek an element id directly, and a key through each keyed label before any scan', () => {
    const byElementId = matchNode('n', 'id', '4:0b0b6a3e-1111-2222-3333-444455556666:12');
    expect(byElementId).toBe('MATCH (n) WHERE elementId(n) = $id');
    const byKey = matchNode('n', 'id', 'vyacheslav-gladkov');
    for (const l of KEYED_LABELS) expect(byKey).toContain(`(n__x:${l}) WHERE n__x.id IN`);
    expect(byKey.indexOf('n__hit IS NULL THEN')).toBeLessThan(byKey.indexOf('MATCH (n__x) WHERE'));
    expect(byKey.trimEnd().endsWith('WHERE n IS NOT NULL')).toBe(true);
    expect(matchNode('n', 'id', 'x', true)).not.toContain('WHERE n IS NOT NULL');
  });
});
