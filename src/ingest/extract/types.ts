import type { EntityType, ExtractorInfo } from '../batch';

/** A sentence of the normalised text (offsets into it). */
export interface Sentence {
  start: number;
  end: number;
}

/** A name found by one pass, before grouping into entity candidates. */
export interface NameSpan {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** corenlp, js, gazetteer, weapon-pattern. */
  source: string;
  confidence: number;
  /** Set by the gazetteer pass: the graph entities this exact form names. */
  gazetteerIds?: string[];
}

/** Finds proper names in a text. Implementations: CoreNLP (a managed JVM) and pure JS. */
export interface NameFinder {
  info: ExtractorInfo;
  /** Cost: see each implementation. Must return spans that are exact offsets into `text`. */
  find(text: string): Promise<NameSpan[]>;
}

/**
 * One graph entity as the gazetteer and linker see it; the caller supplies the list (from the
 * seed YAML, or from Neo4j) so the engine needs no database.
 */
export interface GazetteerEntry {
  id: string;
  /** Graph labels, e.g. ['Person'] or ['Organization']. */
  labels: string[];
  name: string;
  aliases: string[];
  /** Optional attributes that some rules use: an organization's or place's kind ("government", "country", "city"). */
  kind?: string;
  /** An organization's country (place id): "Moscow said" suggests the government of the country whose capital it is. */
  country?: string;
  /** A city's country when it is its capital (place id). */
  capitalOf?: string;
}
