import type { ArticleRef } from '../../../shared/api';
import { formatOutlet, formatPublished } from '../citation';
import { highlight } from '../format';

/** A quote in serif type with the words that make it evidence highlighted. */
export function Quote({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <blockquote className="quote" data-testid="quote">
      “{highlight(text, terms).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}”
    </blockquote>
  );
}

/** "Title · Outlet · 30 December 2023", an inferred outlet and a date range said as such. */
export function ArticleSource({ article }: { article: ArticleRef | null }) {
  if (!article) return null;
  return (
    <div className="source" data-testid="source">
      <b>{article.title ?? article.key}</b>
      {[formatOutlet(article), formatPublished(article)].map((s) => (s ? ` · ${s}` : ''))}
    </div>
  );
}
