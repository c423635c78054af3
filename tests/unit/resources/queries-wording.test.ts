import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSavedQueries } from '../../../src/server/resources/queries/file';

// The form shows each parameter by its label ("Follow article mentions"), never by its name.
const { queries } = readSavedQueries(fileURLToPath(new URL('../../../cypher/queries/', import.meta.url)));

describe("the saved queries' descriptions", () => {
  it('call a parameter by the label the form shows, not by its camelCase name', () => {
    expect(queries.length).toBeGreaterThan(10);
    const named: string[] = [];
    for (const q of queries) {
      const texts = [q.meta.description, ...q.params.map((p) => p.description ?? '')];
      for (const p of q.params) {
        if (!/[a-z][A-Z]/.test(p.name) || !p.label || p.label === p.name) continue;
        if (texts.some((t) => new RegExp(`\\b${p.name}\\b`).test(t))) named.push(`${q.meta.name}: ${p.name}`);
      }
    }
    expect(named).toEqual([]);
  });
});
