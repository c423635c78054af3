import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Explorer } from '../../app/explorer';
import { useApp, useExplorer } from '../context';
import { SigmaController } from '../../render/sigma/sigma-controller';
import { detectWebGL } from '../../render/webgl';

/**
 * The sigma container. Sigma is created here once, in an effect (never at import time, never
 * again on a state change), after checking that WebGL works; without it a clear message replaces
 * the canvas and the rest of the explorer keeps working.
 */
export function GraphCanvas() {
  const explorer = useExplorer();
  const host = useRef<HTMLDivElement>(null);
  const webgl = useApp((s) => s.webgl);

  useEffect(() => {
    const check = detectWebGL();
    if (!check.ok) {
      explorer.setWebGl({ ok: false, reason: check.reason });
      return;
    }
    let ctrl: SigmaController;
    try {
      ctrl = new SigmaController(host.current!, explorer.graph, explorer.state.theme, explorer.layout, {
        onClickNode: (id, additive) => explorer.select(id, additive),
        onDoubleClickNode: (id) => void explorer.expand(id),
        onRightClickNode: (id, at) => explorer.openContextMenu(id, at.x, at.y),
        onClickStage: () => {
          explorer.closeContextMenu();
          explorer.select(null);
        },
        onDragEnd: (id) => explorer.setPinned(id, true),
        onHoverNode: (id) => explorer.hoverNode(id),
        onClickEdge: (id) => {
          explorer.closeContextMenu();
          void explorer.openRelationship(id);
        },
        onHoverEdge: (h) => explorer.hoverEdge(h),
      });
    } catch (e) {
      explorer.setWebGl({ ok: false, reason: e instanceof Error ? e.message : String(e) });
      return;
    }
    explorer.setWebGl({ ok: true });
    explorer.attachSigma(ctrl);
    return () => {
      explorer.attachSigma(null);
      ctrl.kill();
    };
  }, [explorer]);

  if (webgl && !webgl.ok) {
    return (
      <div className="nowebgl" data-testid="no-webgl">
        <div className="card" role="alert">
          <h2>The graph view needs WebGL, which this browser did not provide</h2>
          <p>
            Turn on hardware acceleration (in Chrome: Settings → System → “Use graphics acceleration when available”),
            update your graphics driver, or open newsgraph in another browser.
          </p>
          <p className="muted">
            Search, entity details, evidence, saved queries and the Cypher editor still work.{' '}
            <span className="faint">({webgl.reason})</span>
          </p>
        </div>
      </div>
    );
  }
  // A Tab stop with its keys (said in the description): the keyboard reaches the selected node's
  // menu, the zoom and the fit here; closing a panel laid over the graph gives the focus back here.
  return (
    <>
      <div
        className="graph-host"
        ref={host}
        data-testid="graph"
        tabIndex={0}
        role="application"
        aria-label="Graph view"
        aria-describedby="graph-keys"
        onKeyDown={(e) => graphKeys(explorer, e)}
      />
      <span id="graph-keys" className="sr-only">
        Shift+F10 or the menu key opens the selected node&rsquo;s menu; plus and minus zoom; 0 fits the graph. Select
        nodes with the search box; their details have the same actions.
      </span>
    </>
  );
}

/** The graph's keys: the selected node's menu (Shift+F10, the menu key), zoom (+/−) and fit (0). */
function graphKeys(explorer: Explorer, e: KeyboardEvent<HTMLDivElement>): void {
  if (e.altKey || e.ctrlKey || e.metaKey || e.target !== e.currentTarget) return;
  const camera = explorer.sigmaController?.camera;
  if (!camera) return;
  if ((e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu') {
    e.preventDefault();
    const id = explorer.state.focus ?? explorer.state.selection[explorer.state.selection.length - 1];
    const at = id ? camera.nodeViewportPosition(id) : null;
    if (id && at) explorer.openContextMenu(id, at.x, at.y);
    else explorer.shell.setStatus('info', 'Select a node first (search for it, then Enter): its menu opens here.');
  } else if (e.key === '+' || e.key === '=') {
    e.preventDefault();
    camera.zoom(1.5);
  } else if (e.key === '-' || e.key === '−') {
    e.preventDefault();
    camera.zoom(1 / 1.5);
  } else if (e.key === '0') {
    e.preventDefault();
    camera.fit();
  }
}
