import { annotate, type NlpMention } from '../../runtime/corenlp/client';
import { sharedCoreNlp, type CoreNlpServer } from '../../runtime/corenlp/server';
import type { EntityType } from '../batch';
import { miscOfficePlace } from './office-place';
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
 * The name spans of CoreNLP's mentions of `text`: the coarse types kept, pronouns and headlines
 * left out; of MISC (mostly nationalities and events, left to the gazetteer) only the place of an
 * office phrase ("Mayor of Springfield"). Cost: linear in the mentions.
 */
export function spansOfMentions(text: string, mentions: NlpMention[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of mentions) {
    if (PRONOUN.test(m.text) || isHeadline(text, m)) continue;
    const type = TYPE_OF[m.type];
    const place = m.type === 'MISC' ? miscOfficePlace(text, m.start, m.end) : undefined;
    if (place) out.push(place);
    if (!type) continue;
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
}

/**
 * Names from Stanford CoreNLP's NER (see spansOfMentions). `server` defaults to the process-wide
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
      return spansOfMentions(text, (await annotate(server, text)).mentions);
    },
  };
}
