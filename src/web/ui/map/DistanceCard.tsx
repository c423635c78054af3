import { useApp } from '../context';

/** The distance statements of the data around the hovered node (and its coordinates on the map). */
export function DistanceCard() {
  const hover = useApp((s) => s.view.hover);
  if (!hover) return null;
  return (
    <div className="overlay hover-card" data-testid="distance-card">
      <b>{hover.caption}</b>
      {hover.lines.map((l, i) => (
        <div key={i} className="small">
          {l}
        </div>
      ))}
    </div>
  );
}
