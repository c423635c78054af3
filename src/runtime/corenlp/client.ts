import { CoreNlpError } from './errors';
import { PIPELINE_PROPERTIES, type CoreNlpServer } from './server';

/** Offsets are UTF-16 code units into the text that was sent, like JavaScript string indices. */
export interface NlpToken {
  start: number;
  end: number;
  text: string;
  pos: string;
  lemma: string;
  ner: string;
}
export interface NlpSentence {
  start: number;
  end: number;
  tokens: NlpToken[];
}
export interface NlpMention {
  start: number;
  end: number;
  text: string;
  /** CoreNLP's coarse type: PERSON, ORGANIZATION, LOCATION, MISC (others are dropped). */
  type: string;
}
export interface NlpDoc {
  sentences: NlpSentence[];
  mentions: NlpMention[];
}

interface RawToken {
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  originalText: string;
  pos: string;
  lemma: string;
  ner: string;
}
interface RawSentence {
  tokens: RawToken[];
  entitymentions?: { characterOffsetBegin: number; characterOffsetEnd: number; text: string; ner: string }[];
}

/** Longer texts are sent in pieces cut at paragraph breaks, so one request stays small and bounded. */
export const CHUNK_CHARS = 20_000;

/** Splits `text` into [start, end) pieces of at most ~CHUNK_CHARS, cut after a blank line or newline when possible. */
export function chunkRanges(text: string, max = CHUNK_CHARS): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (text.length - start > max) {
    const window = text.slice(start, start + max);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 2) cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf('. ');
    const end = cut < max / 2 ? start + max : start + cut + 1;
    out.push([start, end]);
    start = end;
  }
  out.push([start, text.length]);
  return out;
}

const KEPT_TYPES = new Set([
  'PERSON',
  'ORGANIZATION',
  'LOCATION',
  'MISC',
  'CITY',
  'COUNTRY',
  'STATE_OR_PROVINCE',
  'NATIONALITY',
  'TITLE',
]);

/**
 * Tokens, sentences and named-entity mentions of `text`. Cost: one HTTP request per ~20k characters;
 * ~0.5–1 s for a news article on a warm server. Throws CoreNlpError DIED when the server goes away
 * meanwhile and ANNOTATE_FAILED when it answers with an error.
 */
export async function annotate(server: CoreNlpServer, text: string): Promise<NlpDoc> {
  const doc: NlpDoc = { sentences: [], mentions: [] };
  const props = encodeURIComponent(JSON.stringify(PIPELINE_PROPERTIES));
  for (const [from, to] of chunkRanges(text)) {
    const piece = text.slice(from, to);
    if (!piece.trim()) continue;
    if (!server.running()) throw server.deathError('annotating an article');
    let body: string;
    try {
      const res = await fetch(`${server.url}/?properties=${props}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: piece,
        signal: AbortSignal.timeout(180_000),
      });
      body = await res.text();
      if (!res.ok)
        throw new CoreNlpError('ANNOTATE_FAILED', `CoreNLP answered HTTP ${res.status}: ${body.slice(0, 300)}`);
    } catch (e) {
      if (e instanceof CoreNlpError) throw e;
      // A refused or reset connection means the JVM is gone or going; give its exit a moment to land.
      await Promise.race([server.exited, new Promise((r) => setTimeout(r, 1_000))]);
      throw server.deathError(`annotating an article (${(e as Error).message})`);
    }
    const parsed = JSON.parse(body) as { sentences: RawSentence[] };
    for (const s of parsed.sentences) {
      const tokens = s.tokens.map((t) => ({
        start: from + t.characterOffsetBegin,
        end: from + t.characterOffsetEnd,
        text: t.originalText,
        pos: t.pos,
        lemma: t.lemma,
        ner: t.ner,
      }));
      if (tokens.length === 0) continue;
      doc.sentences.push({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens });
      for (const m of s.entitymentions ?? []) {
        if (!KEPT_TYPES.has(m.ner)) continue;
        doc.mentions.push({
          start: from + m.characterOffsetBegin,
          end: from + m.characterOffsetEnd,
          text: m.text,
          type: m.ner,
        });
      }
    }
  }
  return doc;
}
