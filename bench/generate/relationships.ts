/**
 * The two bulky parts of the synthetic graph, MENTIONS and the typed entity relationships, as
 * replayable draws: each is a function of the PRNG state where it starts, so a streaming caller
 * saves that state, draws through once (to count, and to leave the PRNG where later parts expect
 * it), and replays the same rows later without ever holding them.
 */
import type { Article, EntityLabel, Evidence, Mention, Relationship } from '../../src/dataset/schema';
import type { EntityRecord } from '../../src/dataset/read';
import { Random, type Zipf } from '../lib/random';
import { TYPES, WORDS } from '../lib/synthetic-vocabulary';

export interface EvidenceFns {
  /** A short random quote. */
  quote: () => string;
  /** One evidence quote in that article. */
  evidenceIn: (article: string) => Evidence;
  /** 1–3 evidence quotes in random articles. */
  evidence: () => Evidence[];
}

/** Evidence drawn from `r` (the same draws, in the same order, as the generator always made). */
export function evidenceFns(r: Random, articleIds: string[], lengthOf: Map<string, number>): EvidenceFns {
  const quote = (): string => {
    const n = r.int(6, 24);
    const w: string[] = [];
    for (let k = 0; k < n; k++) w.push(r.pick(WORDS));
    return w.join(' ');
  };
  const evidenceIn = (article: string): Evidence => {
    const q = quote();
    const start = r.int(0, Math.max(0, lengthOf.get(article)! - q.length - 1));
    return { article, quote: q, start, end: start + q.length };
  };
  const evidence = (): Evidence[] => {
    const n = r.chance(0.7) ? 1 : r.chance(0.67) ? 2 : 3;
    const out: Evidence[] = [];
    for (let k = 0; k < n; k++) out.push(evidenceIn(r.pick(articleIds)));
    return out;
  };
  return { quote, evidenceIn, evidence };
}

export interface MentionInputs {
  articles: Article[];
  lengthOf: Map<string, number>;
  entities: EntityRecord[];
  /** Zipf(1) over all entities' global rank. */
  zAll: Zipf;
  perArticle: number;
}

/** `perArticle` distinct entities per article, Zipf(1) over global rank, drawn from `r`. */
export function* mentionRows(r: Random, m: MentionInputs): Generator<Mention> {
  for (const a of m.articles) {
    const seen = new Set<number>();
    while (seen.size < m.perArticle) seen.add(m.zAll.draw(r.next()));
    for (const idx of seen) {
      const e = m.entities[idx]!.data;
      const first = r.int(0, m.lengthOf.get(a.id)! - 200);
      yield {
        article: a.id,
        entity: e.id,
        count: 1 + Math.floor(-Math.log(1 - r.next()) * 2),
        first_offset: first,
        quote: e.name,
      };
    }
  }
}

export interface TypedInputs {
  pools: Record<EntityLabel, string[]>;
  /** Zipf(0.8) over a label's pool. */
  zOf: (l: EntityLabel) => Zipf;
  articleIds: string[];
  lengthOf: Map<string, number>;
}

/** How to replay the typed relationships: where the PRNG stood and which attempts were dropped. */
export interface TypedReplay {
  state: number;
  /** Attempt indices that drew a self-loop or a duplicate (ascending). */
  rejected: number[];
  count: number;
}

const TOTAL_WEIGHT = TYPES.reduce((s, t) => s + t.weight, 0);

/** One attempt's draws: a type by weight, then both ends Zipf(0.8) over their label's pool. */
function attempt(r: Random, t0: TypedInputs): { t: (typeof TYPES)[number]; from: string; to: string } {
  let u = r.next() * TOTAL_WEIGHT;
  let t = TYPES[0]!;
  for (const cand of TYPES) {
    t = cand;
    if ((u -= cand.weight) < 0) break;
  }
  const from = t0.pools[t.from][t0.zOf(t.from).draw(r.next())]!;
  const to = t0.pools[t.to][t0.zOf(t.to).draw(r.next())]!;
  return { t, from, to };
}

/**
 * Draws `target + extra` distinct typed relationships from `r` (self-loops and repeats redrawn).
 * `keep(rel, i)` sees each one (i = its index); the returned replay regenerates the first `target`.
 * Memory: a key per relationship while drawing (freed on return), then the rejected attempts only.
 */
export function drawTyped(
  r: Random,
  inp: TypedInputs,
  target: number,
  extra: number,
  keep: (rel: Relationship, i: number) => void,
): TypedReplay {
  const state = r.state;
  const ev = evidenceFns(r, inp.articleIds, inp.lengthOf);
  const keys = new Set<string>();
  const rejected: number[] = [];
  let n = 0;
  for (let i = 0; n < target + extra && i < (target + extra) * 20; i++) {
    const { t, from, to } = attempt(r, inp);
    const key = `${t.type}|${from}|${to}`;
    if (from === to || keys.has(key)) {
      rejected.push(i);
      continue;
    }
    keys.add(key);
    keep({ type: t.type, from, to, properties: t.props ? t.props(r) : {}, evidence: ev.evidence() }, n++);
  }
  return { state, rejected, count: Math.min(n, target) };
}

/** The first `replay.count` typed relationships again, one at a time (identical to drawTyped's). */
export function* replayTyped(replay: TypedReplay, inp: TypedInputs): Generator<Relationship> {
  const r = Random.at(replay.state);
  const ev = evidenceFns(r, inp.articleIds, inp.lengthOf);
  let next = 0;
  let n = 0;
  for (let i = 0; n < replay.count; i++) {
    const { t, from, to } = attempt(r, inp);
    if (replay.rejected[next] === i) {
      next++;
      continue;
    }
    n++;
    yield { type: t.type, from, to, properties: t.props ? t.props(r) : {}, evidence: ev.evidence() };
  }
}
