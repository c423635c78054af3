import { annotate } from '../../runtime/corenlp/client';
import { sharedCoreNlp, type CoreNlpServer } from '../../runtime/corenlp/server';
import type { EntityType } from '../batch';
import type { NameFinder, NameSpan } from './types';

const TYPE_OF: Record<string, EntityType> = {
  PERSON: 'PERSON',
  ORGANIZATION: 'ORGANIZATION',
  LOCATION: 'PLACE',
  CITY: 'PLACE',
  COUNTRY: 'PLACE',
  STATE_OR_PROVINCE: 'PLACE',
};

/** CoreNLP reports pronouns ("he", "his") as PERSON mentions; attribution resolves those itself. */
const PRONOUN = /^(he|she|him|her|his|hers|it|its|they|them|their|we|us|our|i|me|my|you|your)$/i;

/** A mention that is a whole title-case line of three words or more is a headline, not a name. */
function isHeadline(text: string, m: { start: number; end: number }): boolean {
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  const nl = text.indexOf('\n', m.end);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl).trim();
  return line === text.slice(m.start, m.end).trim() && line.split(/\s+/).length >= 3;
}

/**
 * Names from Stanford CoreNLP's NER (coarse PERSON/ORGANIZATION/LOCATION; MISC, mostly
 * nationalities and events, is left to the gazetteer). `server` defaults to the process-wide
 * managed server, started on first use. Cost: ~0.5–1 s per article once warm; the first call pays
 * the start (~10–25 s, and the install the very first time).
 */
export function coreNlpNameFinder(opts: { server?: () => Promise<CoreNlpServer>; version?: string } = {}): NameFinder {
  const getServer = opts.server ?? (() => sharedCoreNlp());
  const info = { name: 'corenlp', version: opts.version ?? '4.5.10' };
  return {
    info,
    async find(text: string): Promise<NameSpan[]> {
      const server = await getServer();
      info.version = server.version;
      const doc = await annotate(server, text);
      const out: NameSpan[] = [];
      for (const m of doc.mentions) {
        const type = TYPE_OF[m.type];
        if (!type || PRONOUN.test(m.text) || isHeadline(text, m)) continue;
        out.push({
          start: m.start,
          end: m.end,
          text: text.slice(m.start, m.end),
          type,
          source: 'corenlp',
          confidence: 0.8,
        });
      }
      return out;
    },
  };
}
