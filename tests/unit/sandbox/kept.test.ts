import { describe, expect, it } from 'vitest';
import { KeptResults } from '../../../src/server/sandbox/kept';

/** A stand-in for the database's commit mark: tests commit by changing it, and count the reads. */
function marks(start = 'tx-1') {
  let now: string | null = start;
  let reads = 0;
  return {
    read: async () => (reads++, now),
    commit: (m: string | null) => void (now = m),
    get reads() {
      return reads;
    },
  };
}

const text = (s: string) => () => s;

describe('KeptResults', () => {
  const scope = [{}];

  it('serves a slow answer again while the mark is unchanged, and never after a commit', async () => {
    const k = new KeptResults({ minRunMs: 100, maxBytes: 1_000_000 });
    const m = marks();
    // Never seen: no mark is read, nothing is kept.
    expect(await k.lookup('q', scope, m.read)).toEqual({ hit: null, mark: null });
    expect(m.reads).toBe(0);
    k.store('q', scope, null, 500, text('{"n":1}')); // slow, but no mark was read before it
    expect(k.size.answers).toBe(0);
    expect(await k.lookup('q', scope, m.read)).toEqual({ hit: null, mark: 'tx-1' });
    k.store('q', scope, 'tx-1', 500, text('{"n":2}'));
    expect((await k.lookup('q', scope, m.read)).hit).toBe('{"n":2}');
    m.commit('tx-2');
    expect(await k.lookup('q', scope, m.read)).toEqual({ hit: null, mark: 'tx-2' });
    expect(k.size).toEqual({ answers: 0, bytes: 0 });
  });

  it('does not keep an answer computed under a mark the database has since moved past', async () => {
    const k = new KeptResults({ minRunMs: 0, maxBytes: 1_000_000 });
    const m = marks();
    k.store('q', scope, 'tx-1', 10, text('"old"'));
    m.commit('tx-2'); // a write landed while (or after) the answer was computed
    expect((await k.lookup('q', scope, m.read)).hit).toBeNull();
  });

  it('keeps nothing fast, builds no text for it, and reads no mark for a query last seen fast', async () => {
    const k = new KeptResults({ minRunMs: 250, maxBytes: 1_000_000 });
    const m = marks();
    k.store('q', scope, 'tx-1', 20, () => {
      throw new Error('the text of an answer that is not kept is never built');
    });
    expect(k.size.answers).toBe(0);
    await k.lookup('q', scope, m.read);
    expect(m.reads).toBe(0);
    // A failure (say a timeout) after 10 s counts as slow: the next run reads the mark.
    k.store('q', scope, null, 10_000, null);
    expect(await k.lookup('q', scope, m.read)).toEqual({ hit: null, mark: 'tx-1' });
  });

  it('answers only in the same scope (by identity) and never without a mark', async () => {
    const k = new KeptResults({ minRunMs: 0, maxBytes: 1_000_000 });
    const m = marks();
    k.store('q', scope, 'tx-1', 1, text('"a"'));
    expect((await k.lookup('q', [{}], m.read)).hit).toBeNull();
    k.store('q', scope, 'tx-1', 1, text('"a"'));
    m.commit(null); // a server that returns no bookmark proves nothing
    expect((await k.lookup('q', scope, m.read)).hit).toBeNull();
  });

  it('drops the least recently used answers beyond its byte bound, and skips one too large', async () => {
    const k = new KeptResults({ minRunMs: 0, maxBytes: 400 });
    const m = marks();
    const v = (c: string) => c.repeat(92);
    for (const c of ['a', 'b', 'c']) k.store(c, scope, 'tx-1', 1, text(v(c)));
    expect((await k.lookup('a', scope, m.read)).hit).toBe(v('a')); // a is now the most recent
    k.store('d', scope, 'tx-1', 1, text(v('d')));
    k.store('e', scope, 'tx-1', 1, text(v('e')));
    expect(k.size).toEqual({ answers: 4, bytes: 368 });
    expect((await k.lookup('b', scope, m.read)).hit).toBeNull();
    expect((await k.lookup('a', scope, m.read)).hit).not.toBeNull();
    k.store('big', scope, 'tx-1', 1, text('x'.repeat(200)));
    expect((await k.lookup('big', scope, m.read)).hit).toBeNull();
  });
});
