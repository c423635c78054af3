import { useEffect, useRef } from 'react';
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
  // Focusable, so that closing a panel laid over the graph (narrow windows) gives the keyboard back here.
  return <div className="graph-host" ref={host} data-testid="graph" tabIndex={-1} />;
}
