import { describe, expect, it } from 'vitest';
import { besidePanel, freeArea } from '../../../../src/web/render/free-area';

const graph = { left: 0, top: 100, right: 800, bottom: 700 };

describe('the part of the graph a panel laid over it leaves', () => {
  it('takes the whole side the panel is on, with no floor', () => {
    // A drawer on the right, half the width.
    expect(besidePanel(graph, { left: 400, top: 100, right: 800, bottom: 700 })).toEqual({ ...graph, right: 400 });
    // A sheet rising from the bottom, 60 % of the height: more than the third the corner panels may take.
    expect(besidePanel(graph, { left: 0, top: 340, right: 800, bottom: 700 })).toEqual({ ...graph, bottom: 340 });
    expect(freeArea(graph, [{ left: 0, top: 340, right: 800, bottom: 700 }]).bottom).toBe(500);
  });

  it('leaves the graph whole when the panel is beside it or hidden', () => {
    expect(besidePanel(graph, { left: 800, top: 100, right: 1190, bottom: 700 })).toEqual(graph);
    expect(besidePanel(graph, { left: 0, top: 0, right: 0, bottom: 0 })).toEqual(graph);
  });
});
