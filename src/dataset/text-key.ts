/**
 * An article's identity key: the sha256 of its text with trivial differences taken out (Unicode
 * NFC, every run of white space — line ends, no-break spaces, tabs, double spaces — as one space,
 * trimmed). Two texts with the same key are the same article pasted again. The seed records it per
 * article (`text_key`, beside the exact `sha256`) and an ingest accept writes it on the Article it
 * creates, so "is this article in the graph already?" is one indexed lookup (cypher/schema.cypher).
 * Dependency-free so the seed loader and ingest share it.
 */
import { createHash } from 'node:crypto';

/** The text as compared for identity. `\s` covers NBSP, the Unicode spaces and line separators. */
export const identityText = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** The identity key of a text. Cost: one pass and one sha256 over the text. */
export const identityKey = (text: string): string =>
  createHash('sha256').update(identityText(text), 'utf8').digest('hex');
