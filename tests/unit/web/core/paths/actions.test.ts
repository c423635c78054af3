import { describe, expect, it } from 'vitest';
import type { PathsResponse } from '../../../../../src/shared/api';
import {
  drawnPath,
  excludeFor,
  excludeWithMentions,
  pathBreaks,
  pathsMessage,
  pathView,
  showPath,
  stepPath,
} from '../../../../../src/web/core/paths/actions';
import { graphOf } from '../../../../../src/web/core/history/actions';
import { hide } from '../../../../../src/web/core/graph/graph-store';
import { node } from '../../../../support/fixtures';
import { stateWith } from '../state';

const res = (paths: { nodes: string[]; edges: string[] }[], length: number | null = 2): PathsResponse =>
  ({ from: 'a', to: 'c', paths, length, truncated: false, nodes: [], edges: [] }) as unknown as PathsResponse;

describe('path producers', () => {
  it('draws the union of the paths found, and nothing when none was found', () => {
    const v = pathView(
      res([
        { nodes: ['a', 'b', 'c'], edges: ['ab', 'bc'] },
        { nodes: ['a', 'd', 'c'], edges: ['ad', 'dc'] },
      ]),
    );
    expect([...v.nodes].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...v.edges].sort()).toEqual(['ab', 'ad', 'bc', 'dc']);
    expect(v.count).toBe(2);
    expect(pathsMessage(v, 'A and C')).toBe('2 shortest paths of 2 hops between A and C.');
    const s = showPath(v)(stateWith());
    expect(drawnPath(s)).toBe(v);
    const none = pathView(res([], null));
    expect(pathsMessage(none, 'A and C')).toMatch(/^No path within 6 hops between A and C/);
    expect(drawnPath(showPath(none)(s))).toBeNull();
    expect(showPath(null)(s).path).toBeNull();
  });

  it('"no path" names what the search skipped, not always MENTIONS', () => {
    const none = pathView(res([], null));
    expect(pathsMessage(none, 'A and C')).toBe(
      "No path within 6 hops between A and C (articles' MENTIONS links are not followed).",
    );
    expect(pathsMessage(none, 'A and C', excludeFor(['claims']))).toBe(
      'No path within 6 hops between A and C (not followed: ABOUT, CONTRADICTS, MADE, REPORTS).',
    );
    expect(pathsMessage(none, 'A and C', [])).toBe(
      'No path within 6 hops between A and C, every relationship followed.',
    );
  });

  it('steps through the paths one at a time (wrapping both ways) and back to all of them', () => {
    const v = pathView(
      res([
        { nodes: ['a', 'b', 'c'], edges: ['ab', 'bc'] },
        { nodes: ['a', 'd', 'c'], edges: ['ad', 'dc'] },
      ]),
    );
    const first = stepPath(v, 0);
    expect([...first.nodes]).toEqual(['a', 'b', 'c']);
    expect([...first.edges]).toEqual(['ab', 'bc']);
    expect(first.step).toBe(0);
    expect(stepPath(first, 2).step).toBe(0);
    expect([...stepPath(first, -1).nodes]).toEqual(['a', 'd', 'c']);
    const all = stepPath(first, null);
    expect([...all.nodes].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(all.step).toBeNull();
    const none = pathView(res([], null));
    expect(stepPath(none, 0)).toBe(none);
  });

  it('remembers what a search skipped, and offers to follow mentions after "no path" unless articles were skipped', () => {
    expect(pathView(res([], null)).exclude).toEqual(['MENTIONS']);
    const none = pathView(res([], null), excludeFor(['mentions', 'claims']));
    expect(none.exclude).toEqual(['ABOUT', 'CONTRADICTS', 'MADE', 'MENTIONS', 'REPORTS']);
    expect(excludeWithMentions(none.exclude)).toEqual(['ABOUT', 'CONTRADICTS', 'MADE', 'REPORTS']);
    expect(excludeWithMentions(excludeFor(['mentions']))).toEqual([]);
    // Mentions followed already, or reached only through articles the search was told to skip.
    expect(excludeWithMentions([])).toBeNull();
    expect(excludeWithMentions(excludeFor(['claims']))).toBeNull();
    expect(excludeWithMentions(excludeFor(['articles']))).toBeNull();
    expect(excludeWithMentions(excludeFor(['articles', 'mentions']))).toBeNull();
  });

  it('turns skip toggles into the relationship types left out', () => {
    expect(excludeFor(['mentions'])).toEqual(['MENTIONS']);
    expect(excludeFor(['claims', 'mentions'])).toEqual(['ABOUT', 'CONTRADICTS', 'MADE', 'MENTIONS', 'REPORTS']);
    expect(excludeFor([])).toEqual([]);
  });
});

describe('a path broken by hidden nodes', () => {
  const v = pathView(
    res([
      { nodes: ['a', 'b', 'c'], edges: ['ab', 'bc'] },
      { nodes: ['a', 'd', 'c'], edges: ['ad', 'dc'] },
    ]),
  );
  const g = graphOf(stateWith({ nodes: ['a', 'b', 'c', 'd'].map((k) => node(k)), edges: [] }));

  it('names the hidden nodes on the drawn paths and counts those still whole', () => {
    expect(pathBreaks(v, g, new Set())).toEqual({ hidden: [], intact: 2, drawn: 2 });
    expect(pathBreaks(v, hide(g, ['b']), new Set())).toEqual({ hidden: ['b'], intact: 1, drawn: 2 });
    expect(pathBreaks(v, hide(g, ['a']), new Set())).toEqual({ hidden: ['a'], intact: 0, drawn: 2 });
    // Stepped to the second path: b is not on it.
    expect(pathBreaks(stepPath(v, 1), hide(g, ['b']), new Set())).toEqual({ hidden: [], intact: 1, drawn: 1 });
    // A label toggled off in the legend hides its nodes too.
    expect(pathBreaks(v, g, new Set(['Person'])).intact).toBe(0);
  });
});
