import { useId, useState } from 'react';
import { clipText, showAllLabel } from '../format';

/**
 * A value that may be long (an article body, a JSON blob): its first few lines, then a button that
 * shows it all. Without this one 36,000-character property fills the whole panel and buries the
 * properties and relationships after it.
 */
export function LongValue({ text }: { text: string }) {
  const [all, setAll] = useState(false);
  const id = useId();
  const clip = clipText(text);
  if (!clip) return <>{text}</>;
  return (
    <>
      <span id={id} className="long-value" data-testid="long-value">
        {all ? text : `${clip.head}…`}
      </span>{' '}
      <button
        type="button"
        className="link small"
        aria-expanded={all}
        aria-controls={id}
        data-testid="long-value-toggle"
        onClick={() => setAll((a) => !a)}
      >
        {all ? 'Show less' : showAllLabel(clip.length)}
      </button>
    </>
  );
}
