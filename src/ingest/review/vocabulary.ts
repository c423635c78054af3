import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { VocabularySchema, type VocabularyEntry } from '../../dataset/schema';
import { SEED_DATA_DIR } from '../../runtime/paths';
import { ReviewBlocked } from './errors';

/** Relationship types the review may write besides the vocabulary (the loader's own, with their label rules). */
const BUILT_IN: VocabularyEntry[] = [
  {
    type: 'MENTIONS',
    from: ['Article'],
    to: ['Person', 'Organization', 'Place', 'Event', 'Weapon'],
    meaning: 'mentions',
  },
];

/**
 * The relationship vocabulary (seed/data/vocabulary.yaml): which types exist and which labels
 * may be at either end. Accepted relationships obey it exactly as seeded ones do.
 */
export class Vocabulary {
  readonly byType: Map<string, VocabularyEntry>;
  constructor(entries: VocabularyEntry[]) {
    this.byType = new Map([...entries, ...BUILT_IN].map((e) => [e.type, e]));
  }

  /** Cost: parses one small YAML file. */
  static load(dir = SEED_DATA_DIR): Vocabulary {
    return new Vocabulary(z.array(VocabularySchema).parse(parse(readFileSync(join(dir, 'vocabulary.yaml'), 'utf8'))));
  }

  types(): string[] {
    return [...this.byType.keys()].filter((t) => t !== 'MENTIONS').sort();
  }

  /** Throws ReviewBlocked unless `type` is known and allows these labels at its ends. */
  check(type: string, fromLabels: string[], toLabels: string[]): void {
    const v = this.byType.get(type);
    if (!v) throw new ReviewBlocked(`${type} is not in the relationship vocabulary (seed/data/vocabulary.yaml)`);
    const ok = (allowed: readonly string[], labels: string[]) => labels.some((l) => allowed.includes(l));
    if (!ok(v.from, fromLabels))
      throw new ReviewBlocked(
        `${type} goes from a ${v.from.join(' or ')}, not a ${fromLabels.filter((l) => l !== 'Entity').join(':')}`,
      );
    if (!ok(v.to, toLabels))
      throw new ReviewBlocked(
        `${type} goes to a ${v.to.join(' or ')}, not a ${toLabels.filter((l) => l !== 'Entity').join(':')}`,
      );
  }
}
