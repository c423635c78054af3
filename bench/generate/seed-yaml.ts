/** The generated dataset as the seed YAML files readSeed reads. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { SeedData } from '../../src/dataset/read';
import { FILE_OF } from '../lib/synthetic-vocabulary';

/** Writes the dataset as the YAML files readSeed expects (one per kind). Cost: slow above ~50k relationships. */
export function writeSeedYaml(d: SeedData, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const w = (file: string, items: unknown[]) => writeFileSync(join(dir, file), stringify(items, { lineWidth: 0 }));
  w('articles.yaml', d.articles);
  for (const file of new Set(Object.values(FILE_OF)))
    w(
      file,
      d.entities.filter((e) => e.file === file).map((e) => e.data),
    );
  w('claims.yaml', d.claims);
  w('relationships.yaml', d.relationships);
  w('mentions.yaml', d.mentions);
  w('vocabulary.yaml', d.vocabulary);
}
