/** The small controls the review rows share: an action button that waits while a request runs, and a labelled choice. */
import type { ReactNode } from 'react';

/** A plain action button, disabled while `busy` (or when `disabled`). */
export function ActionButton({
  busy,
  disabled = false,
  onClick,
  title,
  testId,
  children,
}: {
  busy: boolean;
  disabled?: boolean;
  onClick: () => void;
  title?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button className="btn" disabled={busy || disabled} onClick={onClick} title={title} data-testid={testId}>
      {children}
    </button>
  );
}

/** A select whose options are `children`, named for assistive technology by `label`. */
export function Choice({
  value,
  onChange,
  label,
  testId,
  children,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <select
      className="input"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-label={label}
      data-testid={testId}
    >
      {children}
    </select>
  );
}
