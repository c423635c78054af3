/**
 * A link copied before a merge names the merged-away duplicate: its replay reads it as the
 * survivor (the 404 "merged into" taken back and the step drawn again there), says so quietly,
 * and a replayed merge finds every end it drew, loaded or not.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MergedInto } from '../../../../../src/shared/api';
import type { GraphNode } from '../../../../../src/shared/graph';
import { ApiError } from '../../../../../src/web/api/errors';
import { LinkMerges, MERGE_HOPS_MAX } from '../../../../../src/web/app/merged';
import {
  batches,
  mergedLinkNote,
  renamedRef,
  renamedSource,
  resolveEnds,
} from '../../../../../src/web/core/graph/link-merges';
import { EMPTY_GRAPH, addLayer } from '../../../../../src/web/core/graph/graph-store';

const node = (id: string, name: string, key: string | null = id): GraphNode => ({
  id: `e:${id}`,
  key,
  labels: ['Entity'],
  caption: name,
  properties: { name },
});
const into = (duplicate: string, key: string | null = 'gladkov'): MergedInto => ({
  id: 'e:gladkov',
  key,
  name: 'Vyacheslav Gladkov',
  duplicate,
  at: '2026-12-07T10:00:00Z',
  by: 'ed',
});
const merged404 = (to: MergedInto) => new ApiError(404, 'NOT_FOUND', 'merged', { mergedInto: to });

describe("a link's replay of a node merged away since", () => {
  it('draws the step again on the survivor and reads later references to the duplicate as it', async () => {
    const merges = new LinkMerges();
    const drawn: string[] = [];
    const draw = vi.fn(async (ref: string) => {
      drawn.push(ref);
      if (ref === 'slava') throw merged404(into('Slava Gladkov'));
      return ref;
    });
    expect(await merges.on('slava', draw)).toBe('gladkov');
    expect(drawn).toEqual(['slava', 'gladkov']);
    expect(merges.ref('slava')).toBe('gladkov');
    expect(merges.ref('belgorod')).toBe('belgorod');
    expect(merges.merged.map((m) => m.duplicate)).toEqual(['Slava Gladkov']);
  });

  it('names a survivor without a key by its element id', async () => {
    const merges = new LinkMerges();
    const draw = async (ref: string) => {
      if (ref === 'slava') throw merged404(into('Slava', null));
      return ref;
    };
    expect(await merges.on('slava', draw)).toBe('e:gladkov');
  });

  it('throws any other error without a second try, and learns nothing from it', async () => {
    const merges = new LinkMerges();
    const draw = vi.fn(async (): Promise<string> => {
      throw new ApiError(404, 'NOT_FOUND', 'gone');
    });
    await expect(merges.on('gone', draw)).rejects.toThrow('gone');
    expect(draw).toHaveBeenCalledTimes(1);
    expect(merges.renames.size).toBe(0);
    expect(mergedLinkNote(merges.merged)).toBeNull();
  });

  it('follows a chain of merges hop by hop to the last survivor; the duplicate and each survivor passed read as it', async () => {
    const merges = new LinkMerges();
    const hops: Record<string, MergedInto> = {
      slava: into('Slava', 'v-gladkov'),
      'v-gladkov': into('V. Gladkov'),
    };
    const draw = vi.fn(async (ref: string) => {
      const to = hops[ref];
      if (to) throw merged404(to);
      return ref;
    });
    expect(await merges.on('slava', draw)).toBe('gladkov');
    expect(draw.mock.calls.map((c) => c[0])).toEqual(['slava', 'v-gladkov', 'gladkov']);
    expect([merges.ref('slava'), merges.ref('v-gladkov')]).toEqual(['gladkov', 'gladkov']);
    expect(merges.merged.map((m) => m.duplicate)).toEqual(['Slava', 'V. Gladkov']);
  });

  it('gives up on a chain that comes back on itself, or one longer than the bound, with its last 404', async () => {
    const cycle = new LinkMerges();
    const back = vi.fn(async (ref: string): Promise<string> => {
      throw merged404(into(ref, ref === 'a' ? 'b' : 'a'));
    });
    await expect(cycle.on('a', back)).rejects.toThrow('merged');
    expect(back.mock.calls.map((c) => c[0])).toEqual(['a', 'b']);

    const long = new LinkMerges();
    const on = vi.fn(async (ref: string): Promise<string> => {
      throw merged404(into(ref, `${ref}+`));
    });
    await expect(long.on('n', on)).rejects.toThrow('merged');
    expect(on).toHaveBeenCalledTimes(MERGE_HOPS_MAX + 1);
  });

  it('rewrites expansions, nodes, paths and merge layers naming the duplicate; others are kept as they are', () => {
    const renames = new Map([['slava', 'gladkov']]);
    const expand = { kind: 'expand' as const, ref: 'slava', pages: [{ skip: 0, limit: 25 }] };
    expect(renamedSource(expand, renames)).toEqual({ ...expand, ref: 'gladkov' });
    expect(renamedSource({ kind: 'node', ref: 'slava' }, renames)).toEqual({ kind: 'node', ref: 'gladkov' });
    const paths = { kind: 'paths' as const, from: 'kharkiv', to: 'slava', exclude: ['MENTIONS'] };
    expect(renamedSource(paths, renames)).toEqual({ ...paths, to: 'gladkov' });
    const around = { kind: 'around' as const, ref: 'belgorod', ends: ['slava', 'town'] };
    expect(renamedSource(around, renames)).toEqual({ ...around, ends: ['gladkov', 'town'] });
    const other = { kind: 'node' as const, ref: 'town' };
    expect(renamedSource(other, renames)).toBe(other);
    expect(renamedRef(renames, 'town')).toBe('town');
  });

  it('says quietly which nodes the link named were merged, each once', () => {
    const note = mergedLinkNote([into('Slava Gladkov'), into('Slava Gladkov'), into('V. V. Gladkov')]);
    expect(note).toBe(
      'This link named Slava Gladkov, since merged into Vyacheslav Gladkov; V. V. Gladkov, since merged into ' +
        'Vyacheslav Gladkov: shown as those entities.',
    );
    expect(mergedLinkNote([{ ...into('x'), duplicate: null, name: null }])).toBe(
      'This link named a node since merged into gladkov: shown as that entity.',
    );
  });
});

describe("a replayed merge's ends", () => {
  const town = node('town', 'Near Town');
  const far = node('far', 'Far Place');
  const nokey = node('nokey', 'Unnamed', null);
  const g = addLayer(EMPTY_GRAPH, { nodes: [town], edges: [] }, { kind: 'node', title: 'Added' });

  it('are found loaded (by key), among what was read (by key or element id), else left to read one by one', () => {
    const { found, missing } = resolveEnds(['town', 'far', 'e:nokey', 'lost', 'far'], g, [far, nokey]);
    expect(found.map((n) => n.id).sort()).toEqual(['e:far', 'e:nokey', 'e:town']);
    expect(missing).toEqual(['lost']);
  });

  it('not loaded and not in the page are all left to read, not cut to a page', () => {
    const ends = Array.from({ length: 120 }, (_, i) => `end-${i}`);
    const { found, missing } = resolveEnds(ends, g, [town]);
    expect(found).toEqual([]);
    expect(missing).toEqual(ends);
  });

  it('are read in bounded batches, every one once and in order', () => {
    const xs = Array.from({ length: 13 }, (_, i) => i);
    const cut = batches(xs, 6);
    expect(cut.map((b) => b.length)).toEqual([6, 6, 1]);
    expect(cut.flat()).toEqual(xs);
    expect(batches([], 6)).toEqual([]);
  });
});
