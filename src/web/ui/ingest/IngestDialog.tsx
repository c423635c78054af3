/**
 * The "Add article" dialog: paste text or drop a .txt/.html/.md file, give what the input may lack
 * (title, outlet, published date, URL), extract. The result is staged in the app's own store and
 * reviewed in the same dialog (ReviewPanel); nothing reaches the graph until a person accepts it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { findNode } from '../../core/graph/graph-store';
import { extractProgress } from '../../core/ingest/progress';
import { graphOf } from '../../core/history/actions';
import type { BatchSummary, BatchView } from '../../../shared/api/ingest';
import { ApiError, describeError } from '../../api/client';
import { useExplorer } from '../context';
import { useModalFocus } from '../shell/useModalFocus';
import { DiscardBatch } from './DiscardBatch';
import { EmptyReview } from './EmptyReview';
import { ReviewPanel } from './ReviewPanel';
import './ingest.css';

const ACCEPTED_FILES = '.txt,.text,.md,.markdown,.html,.htm';

interface Dropped {
  name: string;
  base64: string;
  bytes: number;
}

async function readFile(file: File): Promise<Dropped> {
  const buf = new Uint8Array(await file.arrayBuffer());
  // btoa wants a binary string; built in chunks so a large file does not overflow the call stack.
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(bin), bytes: buf.length };
}

export default function IngestDialog({ onClose: close }: { onClose: () => void }) {
  const explorer = useExplorer();
  const undone = useRef(new Set<string>());
  // An undo removed what the explorer may still be drawing: start again from the graph as it now is.
  const onClose = useCallback(() => {
    const graph = graphOf(explorer.state);
    if ([...undone.current].some((id) => findNode(graph, id))) void explorer.loadOverview();
    close();
  }, [explorer, close]);
  const [text, setText] = useState('');
  const [file, setFile] = useState<Dropped | null>(null);
  const [meta, setMeta] = useState({ title: '', outlet: '', published: '', url: '' });
  const [busy, setBusy] = useState(false);
  // When the running extraction started, and the clock that redraws its progress line.
  const [since, setSince] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (since === null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [since]);
  const [error, setError] = useState<string | null>(null);
  // The last refusal matched only the title, outlet and date of a graph Article: it may be added anyway.
  const [sameTitle, setSameTitle] = useState(false);
  const [batch, setBatch] = useState<BatchView | null>(null);
  const [dragging, setDragging] = useState(false);
  const [staged, setStaged] = useState<BatchSummary[]>([]);

  // Articles staged earlier (here or by `npm run ingest`) can be reviewed again: undo stays possible.
  useEffect(() => {
    explorer.api.ingestBatches().then(
      (r) => setStaged(r.batches),
      (e) => setError(describeError(e)),
    );
  }, [explorer]);

  // A discarded batch leaves the list (and the review, when it was the one open).
  const discarded = (id: string) => {
    setStaged((list) => list.filter((b) => b.id !== id));
    setBatch((b) => (b?.id === id ? null : b));
  };

  const open = async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      setBatch((await explorer.api.ingestBatch(id)).batch);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  // Tab stays in the dialog; Esc closes it (not while extracting) and the focus goes back to "Add article".
  const box = useModalFocus<HTMLDivElement>(true, busy ? undefined : onClose);

  const take = async (f: File | undefined) => {
    if (!f) return;
    setError(null);
    setSameTitle(false);
    try {
      setFile(await readFile(f));
    } catch (e) {
      setError(`Cannot read ${f.name}: ${describeError(e)}`);
    }
  };

  /** `allowSameTitle`: the person chose "Add as a separate article" after a same-title refusal. */
  const extract = async (allowSameTitle = false) => {
    setBusy(true);
    setSince(Date.now());
    setNow(Date.now());
    setError(null);
    setSameTitle(false);
    try {
      const m = Object.fromEntries(Object.entries(meta).filter(([, v]) => v.trim() !== ''));
      const flag = allowSameTitle ? { allowSameTitle } : {};
      const staged = await explorer.api.ingestArticle(
        file ? { base64: file.base64, name: file.name, meta: m, ...flag } : { text, meta: m, ...flag },
      );
      setBatch((await explorer.api.ingestBatch(staged.batch.id)).batch);
    } catch (e) {
      setError(describeError(e));
      setSameTitle(e instanceof ApiError && e.details.match === 'title');
    } finally {
      setBusy(false);
      setSince(null);
    }
  };

  const field = (key: keyof typeof meta, label: string, type = 'text') => (
    <label className="ingest-field">
      {label}
      <input
        className="input"
        type={type}
        value={meta[key]}
        onChange={(e) => {
          setMeta({ ...meta, [key]: e.target.value });
          setSameTitle(false);
        }}
        data-testid={`ingest-meta-${key}`}
      />
    </label>
  );

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="ingest-title">
      <div className="modal ingest-modal" ref={box} tabIndex={-1} data-testid="ingest-dialog">
        <div className="row ingest-head">
          <h2 id="ingest-title">{batch ? `Review: ${batch.title}` : 'Add an article'}</h2>
          <div className="grow" />
          <button className="btn" onClick={onClose} disabled={busy} data-testid="ingest-close">
            Close
          </button>
        </div>
        {batch ? (
          <>
            <EmptyReview batch={batch} onDiscarded={() => discarded(batch.id)} />
            <ReviewPanel
              batch={batch}
              onBatch={setBatch}
              onShown={close}
              onUndone={(ids) => ids.forEach((id) => undone.current.add(id))}
            />
          </>
        ) : (
          <form
            className="ingest-add"
            onSubmit={(e) => {
              e.preventDefault();
              void extract();
            }}
          >
            <p className="muted small">
              Paste the text or drop a .txt, .html or .md file. What is extracted is staged for your review: nothing
              reaches the graph until you accept it.
            </p>
            <div
              className={`ingest-drop${dragging ? ' dragging' : ''}`}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                void take(e.dataTransfer.files[0]);
              }}
              data-testid="ingest-drop"
            >
              {file ? (
                <span data-testid="ingest-file-name">
                  {file.name} <small className="muted">({file.bytes.toLocaleString()} bytes)</small>{' '}
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      setFile(null);
                      setSameTitle(false);
                    }}
                  >
                    Remove
                  </button>
                </span>
              ) : (
                <label>
                  Drop a file here or <u>choose one</u>
                  <input
                    type="file"
                    accept={ACCEPTED_FILES}
                    className="sr-only"
                    onChange={(e) => void take(e.target.files?.[0])}
                    data-testid="ingest-file"
                  />
                </label>
              )}
            </div>
            {file ? null : (
              <textarea
                className="input ingest-text"
                placeholder="…or paste the article here"
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setSameTitle(false);
                }}
                data-testid="ingest-text"
              />
            )}
            <div className="ingest-meta">
              {field('title', 'Title')}
              {field('outlet', 'Outlet')}
              {field('published', 'Published', 'date')}
              {field('url', 'URL', 'url')}
            </div>
            {error ? (
              <div className="error-box" role="alert" data-testid="ingest-error">
                {error}
              </div>
            ) : null}
            {error && sameTitle ? (
              // Only for the weakest match: the same text or URL offers nothing (the server refuses it anyway).
              <div className="row">
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() => void extract(true)}
                  data-testid="ingest-add-separate"
                >
                  Add as a separate article
                </button>
                <span className="small muted">
                  another version (a live blog, an updated story), reviewed on its own
                </span>
              </div>
            ) : null}
            {staged.length ? (
              <div className="ingest-staged" data-testid="ingest-staged">
                <div className="small muted">Staged articles</div>
                {staged.map((b) => (
                  <div key={b.id} className="row ingest-staged-row">
                    <button
                      type="button"
                      className="btn"
                      disabled={busy}
                      onClick={() => void open(b.id)}
                      data-testid="ingest-batch"
                      data-batch={b.id}
                    >
                      {b.title}{' '}
                      <small className="muted">
                        {b.counts.pending} to review · {b.counts.accepted} accepted
                      </small>
                    </button>
                    <DiscardBatch id={b.id} title={b.title} onDiscarded={() => discarded(b.id)} />
                  </div>
                ))}
              </div>
            ) : null}
            <div className="row" style={{ justifyContent: 'flex-end' }}>
              {since !== null ? (
                <span className="muted" role="status" data-testid="ingest-progress">
                  {extractProgress(file ? file.bytes : text.length, now - since)}
                </span>
              ) : null}
              <button
                className="btn primary"
                type="submit"
                disabled={busy || (!file && !text.trim())}
                data-testid="ingest-submit"
              >
                {busy ? 'Extracting…' : 'Extract for review'}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
