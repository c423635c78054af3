import { useEffect, type ReactElement } from 'react';
import type { Excerpt } from '../../../shared/api';
import { Icon } from '../shell/Icon';
import { formatOutlet, formatPublished } from '../citation';
import { humanValue, positionInArticle } from '../format';
import { useApp, useExplorer } from '../context';
import { useModalFocus } from '../shell/useModalFocus';

/**
 * The evidence reader: the article's metadata and the quote in its paragraph (when the server has
 * the text), the quote highlighted, every mentioned entity a link into the graph. Esc closes it.
 */
export function EvidenceReader() {
  const explorer = useExplorer();
  const reader = useApp((s) => s.reader);
  const dialog = useModalFocus<HTMLDivElement>(!!reader);
  useEffect(() => {
    if (!reader) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') explorer.closeReader();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [explorer, reader]);
  if (!reader) return null;
  const d = reader.data;
  return (
    <div className="reader-backdrop" onMouseDown={(e) => e.target === e.currentTarget && explorer.closeReader()}>
      <div
        className="reader"
        ref={dialog}
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-label="Evidence reader"
        data-testid="evidence-reader"
      >
        <div className="reader-head">
          <div className="grow">
            <div className="reader-kicker">Evidence</div>
            <h2>{d?.article.title ?? reader.request.article}</h2>
            {d ? (
              <div className="muted small" data-testid="reader-meta">
                {[
                  formatOutlet(d.article),
                  formatPublished(d.article),
                  d.article.authors.length ? `by ${humanValue(d.article.authors)}` : null,
                  positionInArticle(d.start, d.article.length),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            ) : null}
            {d ? (
              <div className="small" data-testid="reader-original">
                {d.article.url ? (
                  <a href={d.article.url} target="_blank" rel="noopener noreferrer">
                    Read the original article ↗
                  </a>
                ) : (
                  <span className="muted">No address of the original article is recorded.</span>
                )}
              </div>
            ) : null}
          </div>
          {d?.article.key ? (
            <button className="btn small" onClick={() => void explorer.openEntity(d.article.key ?? d.article.id)}>
              Show the article in the graph
            </button>
          ) : null}
          <button className="btn icon ghost" onClick={() => explorer.closeReader()} aria-label="Close the reader">
            <Icon name="close" />
          </button>
        </div>
        {reader.status === 'loading' ? <div className="reader-body muted">Opening the article…</div> : null}
        {reader.status === 'error' ? (
          <div className="reader-body error" role="alert">
            {reader.error}
          </div>
        ) : null}
        {d ? <ReaderBody quote={d.quote} excerpt={d.excerpt} /> : null}
      </div>
    </div>
  );
}

function ReaderBody({ quote, excerpt }: { quote: string; excerpt: Excerpt }) {
  const explorer = useExplorer();
  if (!excerpt.available) {
    return (
      <div className="reader-body">
        <blockquote className="reader-quote" data-testid="reader-quote">
          <mark>{quote}</mark>
        </blockquote>
        <p className="muted small" data-testid="reader-unavailable">
          {excerpt.reason}
        </p>
      </div>
    );
  }
  // Split the excerpt at quote bounds and mention bounds; mentions inside the quote stay links.
  const cuts = new Set<number>([0, excerpt.text.length, excerpt.quoteStart, excerpt.quoteEnd]);
  for (const m of excerpt.mentions) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((x) => x >= 0 && x <= excerpt.text.length).sort((a, b) => a - b);
  const pieces: ReactElement[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (a === b) continue;
    const text = excerpt.text.slice(a, b);
    const inQuote = a >= excerpt.quoteStart && b <= excerpt.quoteEnd;
    const m = excerpt.mentions.find((x) => x.start <= a && x.end >= b);
    let node: ReactElement = <span key={a}>{text}</span>;
    if (m) {
      node = (
        <button
          key={a}
          className="reader-entity"
          onClick={() => void explorer.openEntity(m.entity.key ?? m.entity.id)}
          title={`${m.entity.caption} — open in the graph`}
          data-testid="reader-entity"
          data-key={m.entity.key ?? m.entity.id}
        >
          {text}
        </button>
      );
    }
    pieces.push(
      inQuote ? (
        <mark key={`q${a}`} data-testid="reader-quote-mark">
          {node}
        </mark>
      ) : (
        node
      ),
    );
  }
  return (
    <div className="reader-body">
      <div className="reader-text" data-testid="reader-text">
        {excerpt.clippedBefore ? <span className="faint">… </span> : null}
        {pieces}
        {excerpt.clippedAfter ? <span className="faint"> …</span> : null}
      </div>
      <p className="faint small">
        An excerpt around the quote ({excerpt.text.length} characters). Names the article mentions are links into the
        graph.
      </p>
    </div>
  );
}
