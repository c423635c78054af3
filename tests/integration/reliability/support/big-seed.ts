import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SEED_DATA_DIR } from '../../../../src/runtime/paths';

/**
 * A valid copy of seed/data grown by `extra` generated people, each mentioned once by the first
 * article (reusing a real, verifiable mention quote), so the load transaction runs long enough to
 * be interrupted at a chosen statement. The real data is untouched. Cost: a few ms to write.
 */
export function writeBigSeed(extra: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bigseed-'));
  cpSync(SEED_DATA_DIR, dir, { recursive: true });
  const mentions = parse(readFileSync(join(SEED_DATA_DIR, 'mentions.yaml'), 'utf8')) as Array<{
    article: string;
    first_offset: number;
    quote: string;
  }>;
  const m = mentions[0]!;
  const people: string[] = ['\n# generated for the fault tests\n'];
  const ment: string[] = ['\n# generated for the fault tests\n'];
  for (let i = 0; i < extra; i++) {
    const id = `generated-person-${String(i).padStart(6, '0')}`;
    people.push(
      `- id: ${id}\n  name: Generated Person ${i}\n  aliases: [GP${i}]\n  description: A generated person for the seed fault tests.\n`,
    );
    ment.push(
      `- article: ${m.article}\n  entity: ${id}\n  count: 1\n  first_offset: ${m.first_offset}\n  quote: ${JSON.stringify(m.quote)}\n`,
    );
  }
  appendFileSync(join(dir, 'people.yaml'), people.join(''));
  appendFileSync(join(dir, 'mentions.yaml'), ment.join(''));
  return dir;
}
