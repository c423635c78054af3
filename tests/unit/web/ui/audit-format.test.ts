import { describe, expect, it } from 'vitest';
import { auditChanges, auditTarget, auditWhen, auditWhy } from '../../../../src/web/ui/admin/audit-format';

describe('audit trail, for people', () => {
  it('writes the date and time on one short line (the year only when not this year), the full time in the tooltip', () => {
    const now = new Date('2024-05-14T18:00:00Z');
    expect(auditWhen('2024-05-14T07:30:12.345Z', now, 'UTC')).toEqual({
      text: '14 May 07:30',
      title: '14 May 2024, 07:30:12 UTC',
    });
    expect(auditWhen('2024-05-02T07:30:12.345Z', now, 'UTC').text).toBe('2 May 07:30');
    expect(auditWhen('2023-12-30T23:05:00Z', now, 'UTC').text).toBe('30 Dec 2023 23:05');
    expect(auditWhen('2024-05-02T07:30:12Z', now, 'UTC').text).not.toMatch(/\n/);
  });

  it('lists what changed as "field: old → new", only the fields that changed', () => {
    expect(
      auditChanges({ version: 2, description: 'Governor.' }, { version: 3, description: 'Governor of Belgorod.' }),
    ).toEqual(['version: 2 → 3', 'description: Governor. → Governor of Belgorod.']);
    expect(auditChanges(null, { name: 'ed', role: 'editor' })).toEqual(['name: ed', 'role: editor']);
    expect(auditChanges({ state: 'pending' }, { state: 'rejected', notSame: [] })).toEqual([
      'state: pending → rejected',
    ]);
    expect(auditChanges({ aliases: ['A'] }, { aliases: ['A', 'B'] })).toEqual(['aliases: A → A, B']);
    expect(auditChanges({ a: 1, b: 2 }, { a: 1, b: null })).toEqual(['b: 2 → —']);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges(null, 'x'.repeat(200))[0]!.length).toBeLessThanOrEqual(121);
  });

  it("shows a nested plain object of scalars as words, not JSON (a discarded batch's counts)", () => {
    expect(auditChanges({ counts: { total: 0, accepted: 0, rejected: 2, note: null } }, null)).toEqual([
      'counts: total 0, accepted 0, rejected 2, note — → —',
    ]);
    // Deeper values stay JSON (cut to a line).
    expect(auditChanges({ x: { y: { z: 1 } } }, null)).toEqual(['x: {"y":{"z":1}} → —']);
  });

  it("gives the editor's reason and the source behind a change", () => {
    const detail = {
      name: 'Missile hit on a Gubkin street apartment block',
      reason: 'full name per Kremlin site',
      source: { article: 'express-2022-10-13', title: 'Belgorod blasts', quote: 'one person was killed' },
    };
    expect(auditWhy(detail)).toEqual([
      'Reason: full name per Kremlin site',
      'Source: Belgorod blasts: “one person was killed”',
    ]);
    expect(auditWhy({ reason: null, source: null })).toEqual([]);
    expect(auditWhy({ source: { article: 'a-1', title: null, quote: 'q' } })).toEqual(['Source: a-1: “q”']);
    expect(auditWhy(null)).toEqual([]);
  });

  it('names the target by what the entry recorded, with the id in the tooltip', () => {
    const e = { target: 'b-e6cea430bf05/e11', detail: { name: 'Maria Kovalenko', title: 'Drone attack on a school' } };
    expect(auditTarget(e)).toEqual({
      text: 'Maria Kovalenko (Drone attack on a school)',
      title: 'b-e6cea430bf05/e11',
    });
    expect(auditTarget({ target: 'vyacheslav-gladkov', detail: null, after: { name: 'Vyacheslav Gladkov' } })).toEqual({
      text: 'Vyacheslav Gladkov',
      title: 'vyacheslav-gladkov',
    });
    expect(auditTarget({ target: 'ed', detail: { ip: '127.0.0.1' } })).toEqual({ text: 'ed', title: 'ed' });
    expect(auditTarget({ target: null, detail: null })).toEqual({ text: '', title: '' });
  });
});
