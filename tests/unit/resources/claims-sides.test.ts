import { describe, expect, it } from 'vitest';
import type { BoardClaim, Side, SideGroup } from '../../../src/shared/api/claims';
import { declaredSide, orderGroups, pickSide, type SideCandidate } from '../../../src/server/resources/claims/query';

const side = (name: string): Side => ({ id: `4:x:${name}`, key: name.toLowerCase(), name });
const cand = (hops: number, s: Side, via: string[] = [s.name]): SideCandidate => ({ hops, side: s, via });
const claim = (id: string, statusAsOf: string | null, date: string | null = null): BoardClaim => ({
  id,
  key: id,
  statement: id,
  stance: null,
  status: statusAsOf,
  statusAsOf,
  date,
  claimant: null,
  evidence: null,
  contradicts: [],
  edit: null,
});

describe('pickSide', () => {
  it('has no side without candidates', () => {
    expect(pickSide([])).toEqual({ side: null, via: [], ambiguous: false, basis: null });
  });

  it('takes the nearest country', () => {
    const r = pickSide([
      cand(2, side('Ukraine'), ['a', 'LEADS', 'b', 'PART_OF', 'Ukraine']),
      cand(1, side('Russia'), ['a', 'PART_OF', 'Russia']),
    ]);
    expect(r.side?.name).toBe('Russia');
    expect(r.via).toEqual(['a', 'PART_OF', 'Russia']);
    expect(r.ambiguous).toBe(false);
  });

  it('breaks a tie between countries by name and flags it', () => {
    const r = pickSide([cand(1, side('Ukraine')), cand(1, side('Russia'))]);
    expect(r.side?.name).toBe('Russia');
    expect(r.ambiguous).toBe(true);
  });

  it('is not ambiguous when equally near paths reach the same country', () => {
    const r = pickSide([
      cand(1, side('Russia'), ['a', 'X', 'Russia', 'Y', 'Russia']),
      cand(1, side('Russia'), ['a', 'X', 'Russia']),
    ]);
    expect(r.ambiguous).toBe(false);
    expect(r.via).toEqual(['a', 'X', 'Russia']); // the shorter description first
  });
});

describe('declared sides', () => {
  const independent = declaredSide('independent')!;

  it('knows only the declared values', () => {
    expect(independent).toEqual({ id: 'declared:independent', key: 'independent', name: 'Independent / media' });
    expect(declaredSide('left')).toBeNull();
    expect(declaredSide('toString')).toBeNull();
    expect(declaredSide(3)).toBeNull();
  });

  it('a declared side wins over the country at the same distance, and the nearer one wins', () => {
    const own = { ...cand(0, independent, ['Astra', 'side', 'Independent / media']), basis: 'declared' as const };
    const country = { ...cand(1, side('Russia'), ['Astra', 'country', 'Russia']), basis: 'country' as const };
    expect(pickSide([country, own])).toMatchObject({ side: independent, basis: 'declared', ambiguous: false });
    const tie = { ...cand(0, side('Russia')), basis: 'affiliation' as const };
    expect(pickSide([tie, own]).side).toEqual(independent);
    const nearer = { ...cand(0, side('Russia')), basis: 'affiliation' as const };
    const far = { ...cand(2, independent), basis: 'declared' as const };
    expect(pickSide([far, nearer])).toMatchObject({ side: { name: 'Russia' }, basis: 'affiliation' });
  });
});

describe('orderGroups', () => {
  it('puts sides with contested claims first, then bigger sides, then by name; unaffiliated last', () => {
    const groups: SideGroup[] = [
      { side: null, claims: [claim('n1', 'contested')] },
      { side: side('Belarus'), claims: [claim('b1', 'uncontested'), claim('b2', 'uncontested')] },
      { side: side('Ukraine'), claims: [claim('u1', 'uncontested')] },
      { side: side('Russia'), claims: [claim('r1', 'contested')] },
      { side: side('Poland'), claims: [claim('p1', 'uncontested')] },
    ];
    expect(orderGroups(groups).map((g) => g.side?.name ?? '(none)')).toEqual([
      'Russia',
      'Belarus',
      'Poland',
      'Ukraine',
      '(none)',
    ]);
  });

  it('orders claims within a side: contested, unanswered, acknowledged, uncontested, then by date', () => {
    const [g] = orderGroups([
      {
        side: side('Russia'),
        claims: [
          claim('c', 'uncontested', '2023-01-01'),
          claim('b', 'contested', '2023-02-01'),
          claim('a', 'contested', '2023-01-15'),
          claim('d', 'acknowledged'),
          claim('e', 'unanswered'),
        ],
      },
    ]);
    expect(g!.claims.map((c) => c.id)).toEqual(['a', 'b', 'e', 'd', 'c']);
  });
});
