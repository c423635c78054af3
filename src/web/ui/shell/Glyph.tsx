import { labelColor, labelStyle } from '../../render/style';
import type { Theme } from '../../core/shell/actions';

/** A label's glyph on its colour disc: the same path sigma draws inside nodes. */
export function Glyph({ label, theme, size = 18 }: { label: string; theme: Theme; size?: number }) {
  return (
    <span className="glyph" style={{ width: size, height: size, background: labelColor(label, theme) }} title={label}>
      <svg width={size * 0.68} height={size * 0.68} viewBox="0 0 24 24" aria-hidden>
        <path d={labelStyle(label).glyph} fillRule="evenodd" />
      </svg>
    </span>
  );
}

export function LabelBadge({ label, theme }: { label: string; theme: Theme }) {
  return (
    <span className="label-badge" style={{ background: labelColor(label, theme) }}>
      {label}
    </span>
  );
}
