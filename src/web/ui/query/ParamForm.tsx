import { useMemo } from 'react';
import type { SavedQuery, SavedQueryParam } from '../../../shared/api';
import { useApp, useExplorer } from '../context';
import { EntityPicker } from './EntityPicker';
import { defaultText, parseParams } from '../../core/query/params';
import { savedParamsAsCypher } from '../../core/query/cypher-params';

/** A saved query's typed parameter form; entity parameters get a picker fed by their suggestions and by search. */
export function ParamForm({ query }: { query: SavedQuery }) {
  const explorer = useExplorer();
  const text = useApp((s) => s.drawer.params);
  const error = useApp((s) => s.drawer.error);
  const parsed = useMemo(() => parseParams(query.params, text), [query, text]);
  const set = (name: string, v: string) =>
    explorer.setDrawer({ params: { ...explorer.state.drawer.params, [name]: v }, ran: false, error: null });
  return (
    <div className="query-form" data-testid="param-form">
      <h3>{query.title}</h3>
      <div className="muted small">{query.description}</div>
      {query.params.length === 0 ? (
        <div className="small faint" style={{ marginTop: 10 }}>
          No parameters: press Run.
        </div>
      ) : null}
      {query.params.map((p) => (
        <Field
          key={`${query.name}:${p.name}`}
          p={p}
          value={text[p.name] ?? defaultText(p)}
          error={text[p.name] !== undefined || error ? parsed.errors[p.name] : undefined}
          onChange={(v) => set(p.name, v)}
        />
      ))}
      <pre className="cypher mono">{query.cypher.trim()}</pre>
      <button
        className="link small"
        style={{ marginTop: 6 }}
        onClick={() => explorer.openCypher(query.cypher.trim(), savedParamsAsCypher(query, text))}
        data-testid="edit-as-cypher"
        title="Open this query in the Cypher editor, with the parameters as set here"
      >
        Edit as ad-hoc Cypher
      </button>
    </div>
  );
}

function Field({
  p,
  value,
  error,
  onChange,
}: {
  p: SavedQueryParam;
  value: string;
  error?: string;
  onChange(v: string): void;
}) {
  const id = `param-${p.name}`;
  let input: React.ReactNode;
  if (p.type === 'entity') {
    input = <EntityPicker p={p} value={value} onChange={onChange} invalid={!!error} />;
  } else if (p.options?.length || p.suggestions?.length) {
    const opts = p.options?.length ? p.options.map((o) => ({ value: o, label: String(o) })) : p.suggestions!;
    input = (
      <select
        id={id}
        className={`input${error ? ' invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={id}
      >
        {!p.required || p.default !== undefined ? (
          <option value="">
            {p.default !== undefined && p.default !== null ? `(default: ${String(p.default)})` : '(any)'}
          </option>
        ) : null}
        {opts.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (p.type === 'boolean') {
    input = (
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={id}>
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    );
  } else {
    input = (
      <input
        id={id}
        className={`input${error ? ' invalid' : ''}`}
        type={p.type === 'date' ? 'date' : p.type === 'integer' || p.type === 'float' ? 'number' : 'text'}
        step={p.type === 'float' ? 'any' : undefined}
        min={p.min}
        max={p.max}
        value={value}
        placeholder={p.default !== undefined && p.default !== null ? String(p.default) : ''}
        onChange={(e) => onChange(e.target.value)}
        data-testid={id}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {p.label}
        {p.required && p.default === undefined ? <span style={{ color: 'var(--danger)' }}> *</span> : null}
        <span className="faint" style={{ fontWeight: 400 }}>
          {' '}
          · {p.type}
        </span>
      </label>
      {input}
      {p.description ? <div className="help">{p.description}</div> : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
