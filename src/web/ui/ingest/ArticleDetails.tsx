/**
 * "Article details" above the review's text: title, outlet, published date, byline and URL, filled
 * with what extraction found and saved on the staged batch. The article's first accept creates its
 * Article node, which needs a title, an outlet and a date: while one is missing the form stays open
 * with those fields marked. "Outlet unknown" stands for an outlet when the text names none: the
 * article is then published by a placeholder organization, counted among the unnamed outlets.
 * Once the article is in the graph its details no longer change here.
 */
import { useEffect, useState } from 'react';
import type { BatchView } from '../../../shared/api/ingest';

const FIELDS = [
  ['title', 'Title', 'text'],
  ['outlet', 'Outlet', 'text'],
  ['published', 'Published', 'date'],
  ['byline', 'Byline', 'text'],
  ['url', 'URL', 'url'],
] as const;
type Key = (typeof FIELDS)[number][0];
export type ArticleDetailsEdit = Partial<Record<Key, string>> & { outletUnknown?: boolean };

/** What the Article node cannot be created without (the server refuses an accept until given). */
export const REQUIRED: readonly Key[] = ['title', 'outlet', 'published'];

const valuesOf = (b: BatchView): Record<Key, string> =>
  Object.fromEntries(FIELDS.map(([k]) => [k, b.article[k] ?? ''])) as Record<Key, string>;

export function ArticleDetails({
  batch,
  busy,
  onSave,
}: {
  batch: BatchView;
  busy: boolean;
  onSave: (edit: ArticleDetailsEdit) => void;
}) {
  const [values, setValues] = useState(() => valuesOf(batch));
  const stored = batch.article.outletUnknown === true;
  const [unknown, setUnknown] = useState(stored);
  const blocking = REQUIRED.filter((k) => !batch.article[k] && !(k === 'outlet' && stored));
  const [open, setOpen] = useState(blocking.length > 0);
  const locked = batch.articleId !== null;
  const shown = JSON.stringify(valuesOf(batch));
  // A new answer (this reviewer's save, another's, or a reload) shows the details as stored.
  useEffect(() => setValues(JSON.parse(shown) as Record<Key, string>), [shown]);
  useEffect(() => setUnknown(stored), [stored, shown]);
  useEffect(() => {
    if (blocking.length) setOpen(true);
  }, [blocking.length, batch.id]);

  const changed = unknown !== stored || FIELDS.some(([k]) => values[k].trim() !== (batch.article[k] ?? ''));
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    // Only what changed and is given: the server keeps a field that is not sent.
    const edit = Object.fromEntries(
      FIELDS.map(([k]) => [k, values[k].trim()]).filter(
        ([k, v]) => v !== '' && v !== (batch.article[k as Key] ?? '') && !(k === 'outlet' && unknown),
      ),
    ) as ArticleDetailsEdit;
    if (unknown !== stored) edit.outletUnknown = unknown;
    onSave(edit);
  };

  return (
    <details
      className="ingest-details"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      data-testid="ingest-details"
    >
      <summary>
        Article details
        {blocking.length ? (
          <span className="small ingest-missing"> — give the {blocking.join(', ')} before accepting</span>
        ) : null}
        {batch.article.sameTitleAs ? (
          <span className="small muted" data-testid="ingest-same-title">
            {' '}
            — added as a separate article beside {batch.article.sameTitleAs} (same title, outlet and date)
          </span>
        ) : null}
      </summary>
      <form className="ingest-meta" onSubmit={save}>
        {FIELDS.map(([k, label, type]) => {
          const missing = blocking.includes(k);
          return (
            <label key={k} className={`ingest-field${missing ? ' missing' : ''}`}>
              {label}
              <input
                className="input"
                id={`ingest-details-${k}`}
                type={type}
                value={values[k]}
                disabled={locked || busy || (k === 'outlet' && unknown)}
                aria-invalid={missing}
                onChange={(e) => setValues({ ...values, [k]: e.target.value })}
                data-testid={`ingest-details-${k}`}
              />
            </label>
          );
        })}
        <label className="ingest-field ingest-outlet-unknown">
          <span>
            <input
              type="checkbox"
              checked={unknown}
              disabled={locked || busy}
              onChange={(e) => {
                setUnknown(e.target.checked);
                if (e.target.checked) setValues({ ...values, outlet: '' });
              }}
              data-testid="ingest-details-outlet-unknown"
            />{' '}
            Outlet unknown
          </span>
          <span className="small muted">
            the text names no publisher: counted as an unnamed outlet, not as one more
          </span>
        </label>
        {locked ? (
          <span className="small muted">The article is in the graph: its details no longer change here.</span>
        ) : (
          <button className="btn" type="submit" disabled={busy || !changed} data-testid="ingest-details-save">
            Save details
          </button>
        )}
      </form>
    </details>
  );
}
