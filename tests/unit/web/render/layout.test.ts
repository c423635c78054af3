import { describe, expect, it, vi } from 'vitest';
import { LayoutRunner } from '../../../../src/web/render/layout';
import { createRenderGraph } from '../../../../src/web/render/render-graph';

// The ForceAtlas2 worker, recorded instead of spawned (Node has no Worker).
const workers = vi.hoisted(() => ({ made: 0, started: 0, killed: 0 }));
vi.mock('graphology-layout-forceatlas2/worker', () => ({
  default: class {
    constructor() {
      workers.made++;
    }
    start() {
      workers.started++;
    }
    kill() {
      workers.killed++;
    }
  },
}));

function runner() {
  const graph = createRenderGraph();
  for (const id of ['a', 'b', 'c']) graph.addNode(id, { x: id.charCodeAt(0), y: 0 } as never);
  graph.addDirectedEdgeWithKey('ab', 'a', 'b', { weight: 1 } as never);
  const layout = new LayoutRunner(graph);
  const events: boolean[] = [];
  layout.onChange((running) => events.push(running));
  return { layout, events };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('layout runner', () => {
  it('hands the graph to the worker only after the frame, and counts as running meanwhile', async () => {
    const { layout, events } = runner();
    const made = workers.made;
    const run = layout.run(10_000);
    expect(workers.made).toBe(made);
    expect([layout.isRunning(), events]).toEqual([true, [true]]);
    await tick();
    expect(workers.made).toBe(made + 1);
    expect(workers.started).toBe(made + 1);
    layout.stop();
    await run.done;
    expect([layout.isRunning(), events]).toEqual([false, [true, false]]);
  });

  it('a run stopped or replaced before its worker started never starts one', async () => {
    const { layout, events } = runner();
    const made = workers.made;
    const first = layout.run(10_000);
    const second = layout.run(10_000);
    await first.done;
    layout.stop();
    await second.done;
    await tick();
    expect(workers.made).toBe(made);
    expect(events).toEqual([true, false, true, false]);
  });
});
