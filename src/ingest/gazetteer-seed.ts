import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SEED_DATA_DIR } from '../runtime/paths';
import type { GazetteerEntry } from './extract/types';

const FILES: [string, string][] = [
  ['people.yaml', 'Person'],
  ['organizations.yaml', 'Organization'],
  ['places.yaml', 'Place'],
  ['weapons.yaml', 'Weapon'],
];

type Rec = Record<string, unknown>;
const list = (dir: string, file: string): Rec[] => {
  const path = join(dir, file);
  return existsSync(path) ? ((parse(readFileSync(path, 'utf8')) as Rec[] | null) ?? []) : [];
};

/**
 * The gazetteer from seed-format YAML (seed/data by default, or a dataset export): every person,
 * organization, place and weapon with its aliases, kind and country, and capitals from CAPITAL_OF
 * relationships. A caller with a live graph builds the same list from Neo4j instead.
 * Cost: parses five YAML files (~50 ms).
 */
export function gazetteerFromSeed(dir = SEED_DATA_DIR): GazetteerEntry[] {
  const capitals = new Map<string, string>();
  for (const r of list(dir, 'relationships.yaml'))
    if (r.type === 'CAPITAL_OF') capitals.set(String(r.from), String(r.to));
  const out: GazetteerEntry[] = [];
  for (const [file, label] of FILES) {
    for (const r of list(dir, file)) {
      out.push({
        id: String(r.id),
        labels: [label],
        name: String(r.name),
        aliases: Array.isArray(r.aliases) ? r.aliases.map(String) : [],
        kind: typeof r.kind === 'string' ? r.kind : undefined,
        country: typeof r.country === 'string' ? r.country : undefined,
        capitalOf: capitals.get(String(r.id)),
      });
    }
  }
  return out;
}
