import { describe, expect, it } from 'vitest';
import { hideNodes, toggleLabel } from '../../../../src/web/core/expansion/actions';
import { select } from '../../../../src/web/core/selection/actions';
import { setTheme } from '../../../../src/web/core/shell/actions';
import { createStore } from '../../../../src/web/core/store';
import { RenderSync } from '../../../../src/web/render/render-sync';
import { labelColor } from '../../../../src/web/render/style';
import { edge, node } from '../../../support/fixtures';
import { stateWith } from '../core/state';
import { withActivePerspective } from '../../../support/perspectives';

// The news perspective: today's colours, families and main labels.
withActivePerspective();

function pipeline() {
  const store = createStore(
    stateWith({ nodes: [node('a'), node('b', ['Place']), node('c')], edges: [edge('ab', 'KNOWS', 'a', 'b')] }),
  );
  const render = new RenderSync(store);
  store.subscribe(() => render.sync());
  render.sync();
  return { store, graph: render.graph };
}

describe('render sync (app state → render graph)', () => {
  it('draws the visible graph and follows legend toggles, hides and the theme', () => {
    const { store, graph } = pipeline();
    expect(graph.nodes().sort()).toEqual(['a', 'b', 'c']);
    store.set(toggleLabel('Place'));
    expect(graph.nodes().sort()).toEqual(['a', 'c']);
    expect(graph.size).toBe(0);
    store.set(toggleLabel('Place'));
    store.set(hideNodes(['c']));
    expect(graph.nodes().sort()).toEqual(['a', 'b']);
    store.set(setTheme('dark'));
    expect(graph.getNodeAttribute('b', 'color')).toBe(labelColor('Place', 'dark'));
  });

  it('drops selected nodes that left the view once the update is through', async () => {
    const { store } = pipeline();
    store.set(select('b'));
    store.set(toggleLabel('Place'));
    expect(store.get().selection).toEqual(['b']);
    await Promise.resolve();
    expect([store.get().selection, store.get().focus]).toEqual([[], null]);
  });
});
