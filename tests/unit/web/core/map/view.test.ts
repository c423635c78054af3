import { describe, expect, it } from 'vitest';
import { hoverInfo } from '../../../../../src/web/core/map/distances';
import { fitFocus, placeAt } from '../../../../../src/web/core/map/fit';
import { backToCanvas, mapOwnsLayout, setMapStatus, setViewMode } from '../../../../../src/web/core/map/view';
import { graph } from '../../../../support/fixtures';
import { stateWith } from '../state';

describe('view modes and the map', () => {
  it('the claims board opens over the canvas and returns to it; the map owns the layout while shown', () => {
    let s = setViewMode('map')(stateWith(graph));
    expect([s.view.mode, s.view.canvasMode]).toEqual(['map', 'map']);
    expect(mapOwnsLayout(s)).toBe(false);
    s = setMapStatus({ state: 'animating' })(s);
    expect(mapOwnsLayout(s)).toBe(true);
    s = setViewMode('claims')(s);
    expect([s.view.mode, s.view.canvasMode]).toEqual(['claims', 'map']);
    expect(backToCanvas()(s).view.mode).toBe('map');
  });

  it('fits the focus area into the frame, centred, at the largest scale that fits', () => {
    const t = fitFocus({ x: [0, 10], y: [0, 20] }, { x: [-100, 100], y: [-100, 100] });
    expect(t.s).toBe(10);
    expect(placeAt(t, { x: 5, y: 10 })).toEqual({ x: 0, y: 0 });
    expect(placeAt(t, { x: 0, y: 0 })).toEqual({ x: -50, y: -100 });
  });

  it('the distance card lists the distance statements around a node, coordinates on the map only', () => {
    const s = stateWith(graph);
    const g = s.history.present.state;
    expect(hoverInfo(g, 'kharkiv', false)).toEqual({
      node: 'kharkiv',
      caption: 'Kharkiv',
      lines: ['Kharkiv: 44 miles to the south of Belgorod (≈ 71 km) — NEAR Belgorod'],
    });
    expect(hoverInfo(g, 'kharkiv', true)!.lines[1]).toBe('49.993° N, 36.230° E');
    expect(hoverInfo(g, 'gladkov', false)).toBeNull();
    expect(hoverInfo(g, 'nowhere', false)).toBeNull();
  });
});
