import { describe, expect, it } from 'vitest';
import { besidePanel, captionRoom, freeArea } from '../../../../src/web/render/free-area';

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

describe('the room framed nodes keep at the right for their captions', () => {
  // Three nodes 0, 100 and 200 units apart; framed at one px per unit whatever the room.
  const xs = [0, 100, 200];
  const flat = () => 1;

  it('is what the captions of the nodes near the right edge run past it, not the longest caption anywhere', () => {
    // The left-most node's long caption ends well before the right-most node: only the fixed room.
    expect(captionRoom(xs, [190, 70, 70], flat, 70, 400)).toBe(70);
    // The right-most node's caption counts whole; the middle one's, less its distance to the edge.
    expect(captionRoom(xs, [70, 70, 160], flat, 70, 400)).toBe(160);
    expect(captionRoom(xs, [70, 250, 70], flat, 70, 400)).toBe(150);
    // At most `max` (half the free width).
    expect(captionRoom(xs, [70, 70, 900], flat, 70, 400)).toBe(400);
  });

  it('settles the room with the scale it gives: more room frames smaller, the nodes come closer', () => {
    // 600 px of width for 200 units, less the room kept.
    const scale = (room: number) => (600 - room) / 200;
    const room = captionRoom(xs, [70, 400, 70], scale, 70, 300);
    // What the middle caption needs at the scale that room gives: 400 − 100 × (600 − r) / 200 = r.
    expect(Math.abs(room - 200)).toBeLessThan(1);
    expect(room).toBeGreaterThan(400 - 100 * scale(70));
  });
});
