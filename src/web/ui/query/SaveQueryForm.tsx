import { useState } from 'react';
import { describeError } from '../../api/client';
import { useApp, useExplorer } from '../context';

/** "Who acted with Keanu" → "who-acted-with-keanu". */
export function kebab(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/**
 * Saves the editor's query (with the drawer's parameters as defaults) as a saved query of this
 * database's perspective, in the header format of cypher/queries. Editors only; audited.
 */
export function SaveQueryForm() {
  const explorer = useExplorer();
  const cypher = useApp((s) => s.drawer.cypher);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [group, setGroup] = useState('Saved');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button
        className="link small"
        onClick={() => setOpen(true)}
        data-testid="save-query-open"
        disabled={!cypher.trim()}
      >
        Save as a saved query…
      </button>
    );
  const name = kebab(title);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const params = Object.fromEntries(Object.entries(explorer.state.drawer.params));
      await explorer.saveQuery({ name, title, description, group, cypher, params });
      setOpen(false);
      setTitle('');
      setDescription('');
      explorer.openSavedQuery(name);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="save-query stack"
      data-testid="save-query-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        className="input"
        placeholder="Title (what it answers)"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        data-testid="save-query-title"
        required
        minLength={3}
      />
      <input
        className="input"
        placeholder="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        data-testid="save-query-description"
        required
        minLength={3}
      />
      <input
        className="input"
        placeholder="Group"
        value={group}
        onChange={(e) => setGroup(e.target.value)}
        data-testid="save-query-group"
      />
      <div className="row small">
        <span className="faint mono">{name ? `${name}.cypher` : ''}</span>
        <span className="grow" />
        <button type="button" className="btn small" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn primary small"
          disabled={busy || name.length < 1}
          data-testid="save-query-save"
        >
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
      {error ? (
        <div className="error-box small" role="alert" data-testid="save-query-error">
          {error}
        </div>
      ) : null}
    </form>
  );
}
