/** Claims: who said what about which events, and which earlier claims about the same event they contradict. */
import type { Claim, EntityLabel, Evidence } from '../../src/dataset/schema';
import { Zipf, type Random } from '../lib/random';
import { STANCES } from '../lib/synthetic-vocabulary';

export interface ClaimInputs {
  pools: Record<EntityLabel, string[]>;
  nameOf: Map<string, string>;
  eventDate: Map<string, string | undefined>;
  articleIds: string[];
  /** A short random quote (draws from the same `r`). */
  quote: () => string;
  /** One evidence quote in that article (draws from the same `r`). */
  evidenceIn: (article: string) => Evidence;
}

export interface GeneratedClaims {
  claims: Claim[];
  /** ABOUT relationships (1–2 per claim). */
  about: number;
  /** CONTRADICTS relationships. */
  contradicts: number;
}

/** C claims; claimants and events drawn Zipf(0.8) over their pools, 30 % contradicting an earlier one. */
export function generateClaims(r: Random, C: number, inputs: ClaimInputs): GeneratedClaims {
  const { pools, nameOf, eventDate, articleIds, quote, evidenceIn } = inputs;
  const zPool = (label: EntityLabel, s: number) => new Zipf(pools[label].length, s);
  const zEvent = zPool('Event', 0.8);
  const zPerson = zPool('Person', 0.8);
  const zOrg = zPool('Organization', 0.8);
  const claims: Claim[] = [];
  const claimsAbout = new Map<string, number[]>();
  let about = 0;
  let contradicts = 0;
  for (let i = 0; i < C; i++) {
    const claimant = r.chance(0.6) ? pools.Person[zPerson.draw(r.next())]! : pools.Organization[zOrg.draw(r.next())]!;
    const ev = new Set<string>([pools.Event[zEvent.draw(r.next())]!]);
    if (r.chance(0.25) && pools.Event.length > 1) ev.add(pools.Event[zEvent.draw(r.next())]!);
    const aboutList = [...ev];
    about += aboutList.length;
    const first = aboutList[0]!;
    const earlier = claimsAbout.get(first) ?? [];
    // (Claim's zod catch-all gives it an index signature the nested evidence object cannot satisfy
    // in a literal; the shape is what ClaimSchema accepts — the quick test validates it.)
    const c = {
      id: `claim-${i}`,
      claimant,
      about: aboutList,
      statement: `${nameOf.get(claimant)} ${r.pick(STANCES)}: ${quote()}`,
      stance: r.pick(STANCES),
      status: (r.chance(0.4) ? 'unanswered' : 'acknowledged') as Claim['status'],
      contradicts: [] as string[],
      evidence: evidenceIn(r.pick(articleIds)),
    } as Claim;
    const date = eventDate.get(first);
    if (date) {
      c.date = date;
      c.date_basis = 'synthetic: same day as the event';
    }
    if (earlier.length && r.chance(0.3)) {
      const other = claims[r.pick(earlier)]!;
      c.contradicts.push(other.id);
      c.status = 'contested';
      other.status = 'contested';
      contradicts++;
    }
    earlier.push(i);
    claimsAbout.set(first, earlier);
    claims.push(c);
  }
  return { claims, about, contradicts };
}
