/**
 * Contradiction proposals: a claim accepted from an article, set against the graph's other claims
 * about the same event, when their figures differ (two injured / three injured) or their actors
 * do (one side denies what the other states, or they blame different parties). Proposals only:
 * a person confirms each (which writes CONTRADICTS and marks both contested) or dismisses it.
 */
import type { Transaction } from 'neo4j-driver';

export interface ClaimFacts {
  id: string;
  claimant: string;
  statement: string;
  quote: string;
  stance: string;
}

export interface ContradictionProposal {
  claim: string;
  other: string;
  event: { id: string; name: string };
  reason: string;
  /** The two claims' quotes, for the reviewer. */
  quotes: [string, string];
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
  an: 1,
};

/** What a number counts, from the words after it. */
const CATEGORIES: [RegExp, string][] = [
  [/^(killed|dead|died|deaths?|fatalit\w*)$/, 'killed'],
  [/^(injured|wounded|hurt|injuries)$/, 'injured'],
  [/^drones?$/, 'drones'],
  [/^(missiles?|rockets?)$/, 'missiles'],
  [/^(bombs?|shells?)$/, 'munitions'],
  [/^(buildings?|houses?|homes?)$/, 'buildings'],
];

/** Figures a statement gives: "two people were injured" → injured: 2. Pure; linear in the text. */
export function figuresOf(text: string): Map<string, number> {
  const words = text.toLowerCase().match(/[a-z]+|\d+(?:[.,]\d+)?/g) ?? [];
  const out = new Map<string, number>();
  words.forEach((w, i) => {
    const n = /^\d/.test(w) ? Number(w.replace(',', '')) : NUMBER_WORDS[w];
    if (n === undefined || w === 'a' || w === 'an') return;
    for (const next of words.slice(i + 1, i + 5)) {
      const cat = CATEGORIES.find(([re]) => re.test(next))?.[1];
      if (cat) {
        if (!out.has(cat)) out.set(cat, n);
        return;
      }
    }
  });
  return out;
}

const denies = (c: ClaimFacts) => /\bden(y|ies|ied)\b/i.test(c.stance) || /\bdenied\b/i.test(c.statement);
const blamed = (c: ClaimFacts) => /\bblames?\s+(.+)$/i.exec(c.stance)?.[1]?.trim().toLowerCase();

/** Why two claims about the same event conflict, or null. Pure. */
export function conflictOf(a: ClaimFacts, b: ClaimFacts): string | null {
  const fa = figuresOf(`${a.statement} ${a.quote}`);
  const fb = figuresOf(`${b.statement} ${b.quote}`);
  for (const [cat, n] of fa) {
    const m = fb.get(cat);
    if (m !== undefined && m !== n) return `the figures differ: ${n} ${cat} here, ${m} ${cat} in the other claim`;
  }
  if (a.claimant !== b.claimant && denies(a) !== denies(b))
    return `${denies(a) ? a.claimant : b.claimant} denies what ${denies(a) ? b.claimant : a.claimant} states`;
  const ba = blamed(a);
  const bb = blamed(b);
  if (ba && bb && ba !== bb) return `they blame different parties (${ba} / ${bb})`;
  return null;
}

/**
 * Proposals for these accepted claims against the graph's other claims about the same events,
 * skipping pairs already linked by CONTRADICTS and pairs in `dismissed` ("a|b", sorted).
 * Cost: one bounded query (≤ 500 pairs).
 */
export async function proposeContradictions(
  tx: Pick<Transaction, 'run'>,
  claimIds: string[],
  dismissed: ReadonlySet<string> = new Set(),
): Promise<ContradictionProposal[]> {
  if (!claimIds.length) return [];
  const r = await tx.run(
    `UNWIND $ids AS cid
     MATCH (c:Claim {id: cid})-[:ABOUT]->(e:Event)<-[:ABOUT]-(o:Claim)
     WHERE o <> c AND NOT (c)-[:CONTRADICTS]-(o)
     WITH c, o, collect(e)[0] AS e LIMIT 500
     RETURN c { .id, .claimant, .statement, .quote, .stance } AS c, o { .id, .claimant, .statement, .quote, .stance } AS o,
            e.id AS eventId, coalesce(e.name, e.id) AS eventName`,
    { ids: claimIds },
  );
  const out: ContradictionProposal[] = [];
  const seen = new Set<string>();
  for (const rec of r.records) {
    const c = facts(rec.get('c'));
    const o = facts(rec.get('o'));
    const key = [c.id, o.id].sort().join('|');
    if (seen.has(key) || dismissed.has(key)) continue;
    seen.add(key);
    const reason = conflictOf(c, o);
    if (reason)
      out.push({
        claim: c.id,
        other: o.id,
        event: { id: String(rec.get('eventId')), name: String(rec.get('eventName')) },
        reason,
        quotes: [c.quote, o.quote],
      });
  }
  return out;
}

function facts(v: Record<string, unknown>): ClaimFacts {
  const s = (x: unknown) => (typeof x === 'string' ? x : '');
  return { id: s(v.id), claimant: s(v.claimant), statement: s(v.statement), quote: s(v.quote), stance: s(v.stance) };
}
