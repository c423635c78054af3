import { describe, expect, it } from 'vitest';
import type { EntityRecord, SeedData } from '../../../src/dataset/read';
import { provenance, PROVENANCE_KEYS, SeedRows } from '../../../src/dataset/rows';
import type { Article } from '../../../src/dataset/schema';

// Corroboration counts: an article whose outlet is unknown is no independent outlet. It is counted
// apart (unnamed_outlets), once per article, whatever stands in for its outlet.

const ev = (article: string, start = 0) => ({ article, quote: 'a quote', start, end: start + 7 });

describe('provenance()', () => {
  it('counts distinct named outlets, and articles of unknown outlet apart', () => {
    const outlet: Record<string, string | null> = { a1: 'wire', a2: 'wire', a3: 'courier', u1: null, u2: null };
    const p = provenance([ev('a1'), ev('a2'), ev('u1'), ev('u1', 20), ev('u2'), ev('a3')], (a) => outlet[a]!);
    expect(p).toMatchObject({ sources: 5, outlets: 2, unnamed_outlets: 2 });
  });

  it('writes zero unnamed outlets when every outlet is known, and lists the key', () => {
    expect(provenance([ev('a1')], () => 'wire')).toMatchObject({ sources: 1, outlets: 1, unnamed_outlets: 0 });
    expect(PROVENANCE_KEYS).toContain('unnamed_outlets');
  });

  it('one article of unknown outlet: no outlet, one unnamed', () => {
    expect(provenance([ev('u1'), ev('u1', 9)], () => null)).toMatchObject({
      sources: 1,
      outlets: 0,
      unnamed_outlets: 1,
    });
  });
});

describe('SeedRows: a placeholder organization is no outlet', () => {
  const org = (id: string, extra: Record<string, unknown> = {}): EntityRecord => ({
    label: 'Organization',
    file: 'organizations.yaml',
    data: { id, name: id, aliases: [], description: 'an organization for the test', ...extra },
  });
  const article = (id: string, outlet: string) => ({ id, outlet, outlet_inferred: false }) as unknown as Article;
  const data = {
    articles: [article('named-1', 'wire'), article('unnamed-1', 'unknown-1'), article('unnamed-2', 'unknown-2')],
    entities: [
      org('wire'),
      org('unknown-1', { placeholder: true }),
      org('unknown-2', { placeholder: true }),
      org('target'),
    ],
    claims: [],
    relationships: [
      {
        type: 'ALLIED_WITH',
        from: 'wire',
        to: 'target',
        properties: {},
        evidence: [ev('named-1'), ev('unnamed-1'), ev('unnamed-2')],
      },
    ],
    mentions: [],
    vocabulary: [],
  } as unknown as SeedData;

  it('3 articles: 1 outlet + 2 unnamed, not 3 outlets', () => {
    const [r] = [...new SeedRows(data).typed()];
    expect(r!.props).toMatchObject({ sources: 3, outlets: 1, unnamed_outlets: 2 });
  });
});
