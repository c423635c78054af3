import type { EntityType } from '../../../src/ingest/batch';
import type { NameFinder, NameSpan } from '../../../src/ingest/extract/types';

/**
 * A name finder fed the annotations Stanford CoreNLP gives for a fixture (checked once against the
 * real server): every whole-word occurrence of each name, with its type. Keeps the rules' tests
 * free of the JVM.
 */
export function fedFinder(types: Record<string, EntityType>): NameFinder {
  return {
    info: { name: 'corenlp', version: 'fed' },
    find: async (text) => {
      const out: NameSpan[] = [];
      for (const [name, type] of Object.entries(types)) {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'gu')))
          out.push({
            start: m.index,
            end: m.index + name.length,
            text: name,
            type,
            source: 'corenlp',
            confidence: 0.8,
          });
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
