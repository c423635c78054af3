import { describe, expect, it } from 'vitest';
import { checkReported, reportedFromProps, reportedProps } from '../../../src/dataset/reported';
import type { SeedIssue } from '../../../src/dataset/read';
import { ReportedValueSchema, type ReportedValue } from '../../../src/dataset/schema';

// Per-value provenance in the seed format: ordering on the node, the round trip back to YAML, and
// the checks that keep the stored value equal to what the newest source says.

const published = new Map([
  ['early', '2022-07-03'],
  ['middle', '2023-04-21'],
  ['late', '2023-12-30'],
]);
const ev = (article: string, quote = 'a quote') => ({ article, quote, start: 10, end: 10 + quote.length });
const entry = (property: string, value: string | number, article: string): ReportedValue => ({
  property,
  value,
  evidence: ev(article),
});

describe('reportedProps', () => {
  it('orders the sources by publication date, oldest first, whatever the order in the file', () => {
    const p = reportedProps(
      [entry('date_to', '2023-12-30', 'late'), entry('date_to', '2022-07-03', 'early'), entry('killed', 3, 'middle')],
      (a) => published.get(a)!,
    );
    expect(p.reported_articles).toEqual(['early', 'middle', 'late']);
    expect(p.reported_properties).toEqual(['date_to', 'killed', 'date_to']);
    expect(p.reported_values).toEqual(['2022-07-03', '3', '2023-12-30']);
  });

  it('writes nothing for an entity without sources', () => {
    expect(reportedProps(undefined, () => '')).toEqual({});
  });

  it('comes back from the node as the same list, values typed like the property', () => {
    const list = [entry('killed', 2, 'early'), entry('killed', 3, 'late')];
    const node = { killed: 3, ...reportedProps(list, (a) => published.get(a)!) };
    expect(reportedFromProps(node)).toEqual(list);
  });
});

describe('ReportedValueSchema', () => {
  it('reads an unquoted YAML date as an ISO day', () => {
    const r = ReportedValueSchema.parse({
      property: 'date_to',
      value: new Date('2023-12-30T00:00:00Z'),
      evidence: ev('late'),
    });
    expect(r.value).toBe('2023-12-30');
  });
});

describe('checkReported', () => {
  const check = (data: Record<string, unknown>) => {
    const issues: SeedIssue[] = [];
    checkReported('events.yaml', { id: 'x', ...data }, published, issues);
    return issues.map((i) => `${i.field}: ${i.message}`);
  };

  it('accepts a property whose stored value is the latest source', () => {
    expect(
      check({
        date_to: '2023-12-30',
        reported: [entry('date_to', '2022-07-03', 'early'), entry('date_to', '2023-12-30', 'late')],
      }),
    ).toEqual([]);
  });

  it('refuses a stored value that is not what the newest source says', () => {
    const issues = check({
      date_to: '2022-07-03',
      reported: [entry('date_to', '2023-12-30', 'late'), entry('date_to', '2022-07-03', 'early')],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^date_to: .*latest source \(late\) says 2023-12-30/);
  });

  it('refuses unknown articles, missing or identifying properties, and two values from one article', () => {
    const issues = check({
      date_to: '2023-12-30',
      reported: [
        entry('date_to', '2023-12-30', 'nowhere'),
        entry('killed', 3, 'early'),
        entry('name', 'X', 'early'),
        entry('date_to', '2023-12-30', 'late'),
        entry('date_to', '2023-12-30', 'late'),
      ],
    });
    expect(issues.some((i) => i.includes('unknown article "nowhere"'))).toBe(true);
    expect(issues.some((i) => i.includes('has no killed'))).toBe(true);
    expect(issues.some((i) => i.includes('name cannot have a per-value source'))).toBe(true);
    expect(issues.some((i) => i.includes('two values of date_to from late'))).toBe(true);
  });
});
