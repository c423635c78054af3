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

/** Words between a casualty verb and its figure: "killed at least three", "injured about 12". */
const HEDGES = new Set(['at', 'least', 'about', 'around', 'some', 'nearly', 'almost', 'more', 'than', 'up', 'to']);
/** Casualty verbs that may come before their figure ("the attack killed three workers"). */
const VERB_FIRST = new Set(['killed', 'injured', 'wounded', 'hurt']);

const numberOf = (w: string): number | undefined =>
  /^\d/.test(w) ? Number(w.replace(',', '')) : w === 'a' || w === 'an' ? undefined : NUMBER_WORDS[w];
const categoryOf = (w: string): string | undefined => CATEGORIES.find(([re]) => re.test(w))?.[1];

/**
 * Figures a statement gives: "two people were injured" → injured: 2; "the attack killed three
 * workers" → killed: 3; "no one was killed", "nobody was hurt" → killed: 0, injured: 0. The first
 * figure of a kind wins. Pure; linear in the text.
 */
export function figuresOf(text: string): Map<string, number> {
  // Punctuation is kept as tokens so a verb's figure is never read across a comma ("killed, 12 injured").
  const tokens = text.toLowerCase().match(/[a-z]+|\d+(?:[.,]\d+)?|[,.;:!?]/g) ?? [];
  const isWord = (t: string) => !/^[,.;:!?]$/.test(t);
  const out = new Map<string, number>();
  const taken = new Set<number>();
  tokens.forEach((w, i) => {
    if (!isWord(w) || taken.has(i)) return;
    let n = numberOf(w);
    let after = i + 1;
    if (w === 'nobody' || (w === 'none' && tokens[i + 1] !== 'of')) n = 0;
    else if (w === 'no' && tokens[i + 1] === 'one') [n, after] = [0, i + 2];
    else if (w === 'no' && categoryOf(tokens[i + 1] ?? ''))
      n = 0; // "no deaths", "no injuries"
    else if (w === 'one' && tokens[i - 1] === 'no') return;
    if (n !== undefined) {
      const next = tokens.slice(after).filter(isWord).slice(0, 4);
      const cat = next.map(categoryOf).find((c) => c !== undefined);
      if (cat && !out.has(cat)) out.set(cat, n);
      return;
    }
    const verb = VERB_FIRST.has(w) ? categoryOf(w) : undefined;
    if (!verb || out.has(verb)) return;
    for (let j = i + 1; j < tokens.length && j <= i + 4; j++) {
      const f = numberOf(tokens[j]!);
      if (f !== undefined) {
        out.set(verb, f);
        taken.add(j);
        return;
      }
      if (!HEDGES.has(tokens[j]!)) return;
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
