/** What the synthetic graph generator takes and returns. */
import type { SeedData } from '../../src/dataset/read';
import type { EntityLabel, Mention, Relationship } from '../../src/dataset/schema';

export interface GenerateOptions {
  /** Total relationships the loader will create (MENTIONS, claims' links and typed relationships). */
  relationships: number;
  seed?: number;
  /** Extra typed relationships not in the data (distinct from every one in it), for per-row baselines. */
  extra?: number;
}

export interface GeneratedRelationshipSample {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export interface Generated {
  data: SeedData;
  /** Relationships between existing nodes that the data does not contain (same shape). */
  extra: Relationship[];
  /** What the loader will create, by kind; `total` equals options.relationships (± rounding at tiny scales). */
  counts: {
    nodes: number;
    articles: number;
    entities: Record<EntityLabel, number>;
    claims: number;
    relationships: {
      mentions: number;
      typed: number;
      made: number;
      reports: number;
      about: number;
      contradicts: number;
      total: number;
    };
  };
  /** Ids the API benchmark queries by: the biggest hub and some ordinary nodes. */
  probes: {
    hub: string;
    hubMentions: number;
    small: string[];
    names: string[];
    events: string[];
    /** The most popular person and event (the saved queries' parameters). */
    person: string;
    event: string;
  };
}

/** SeedData whose two bulky lists are replayed from the seed on every iteration instead of held. */
export type StreamedSeedData = Omit<SeedData, 'relationships' | 'mentions'> & {
  relationships: Iterable<Relationship>;
  mentions: Iterable<Mention>;
};

export type StreamedGenerated = Omit<Generated, 'data'> & { data: StreamedSeedData };
