import { useApp } from '../context';

/**
 * What the graph shows, counted ("12 nodes · 30 links shown"). Its parts wrap and the tail drops
 * as the bar narrows (timeline.css), so the counts stay whole at any width.
 */
export function ShownCounts() {
  const shown = useApp((s) => s.shown);
  return (
    <span className="tl-counts muted" data-testid="shown-counts">
      <span>
        {shown.nodes} node{shown.nodes === 1 ? '' : 's'}
      </span>
      <span className="tl-counts-sep"> · </span>
      <span>
        {shown.edges} link{shown.edges === 1 ? '' : 's'}
        <span className="tl-counts-tail"> shown</span>
      </span>
    </span>
  );
}
