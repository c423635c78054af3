import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../../src/server/sandbox/coalesce';

/** A promise settled from outside, so a test decides when a run ends. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('Coalescer', () => {
  it('runs the work once for callers that arrive while it is in flight', async () => {
    const c = new Coalescer<number>();
    const d = deferred<number>();
    let calls = 0;
    const work = () => (calls++, d.promise);
    const scope = [{}];
    const all = [c.run('k', scope, work), c.run('k', scope, work), c.run('k', [scope[0]], work)];
    expect(calls).toBe(1);
    expect(c.inFlight).toBe(1);
    d.resolve(42);
    expect(await Promise.all(all)).toEqual([42, 42, 42]);
    expect(c.inFlight).toBe(0);
  });

  it('keeps nothing once a run settles: the next caller runs afresh', async () => {
    const c = new Coalescer<number>();
    let calls = 0;
    const work = async () => ++calls;
    expect(await c.run('k', [], work)).toBe(1);
    expect(await c.run('k', [], work)).toBe(2);
  });

  it('does not share across keys or across scopes (another database or perspective)', async () => {
    const c = new Coalescer<string>();
    const d = deferred<string>();
    let calls = 0;
    const work = () => (calls++, d.promise);
    const [a, b] = [{}, {}];
    void c.run('k', [a], work);
    void c.run('other', [a], work);
    void c.run('k', [b], work);
    void c.run('k', [a, b], work);
    expect(calls).toBe(4);
    d.resolve('x');
    await d.promise;
  });

  it('gives every caller of a failed run its error, then forgets it', async () => {
    const c = new Coalescer<number>();
    const d = deferred<number>();
    let calls = 0;
    const work = () => (calls++, d.promise);
    const first = c.run('k', [], work);
    const second = c.run('k', [], work);
    d.reject(new Error('timed out'));
    await expect(first).rejects.toThrow('timed out');
    await expect(second).rejects.toThrow('timed out');
    expect(c.inFlight).toBe(0);
    await expect(c.run('k', [], async () => 7)).resolves.toBe(7);
    expect(calls).toBe(1);
  });

  it('lets a newer scope take the slot without cutting off the older run', async () => {
    const c = new Coalescer<string>();
    const old = deferred<string>();
    const fresh = deferred<string>();
    const [a, b] = [{}, {}];
    const first = c.run('k', [a], () => old.promise);
    const second = c.run('k', [b], () => fresh.promise);
    // The older run settling must not remove the newer run's entry.
    old.resolve('old');
    expect(await first).toBe('old');
    expect(c.inFlight).toBe(1);
    expect(await Promise.race([c.run('k', [b], async () => 'third'), Promise.resolve('pending')])).toBe('pending');
    fresh.resolve('fresh');
    expect(await second).toBe('fresh');
  });
});
