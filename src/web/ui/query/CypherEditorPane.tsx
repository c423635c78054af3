import { closeCompletion } from '@codemirror/autocomplete';
import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import { useEffect, useMemo, useRef } from 'react';
import { useApp, useExplorer } from '../context';
import type { CompletionSchema } from '../../core/query/completion';
import { queryParamNames } from '../../core/query/cypher-params';
import { cypherCompletion } from './cypher-completion';
import { useMayEdit } from '../shell/useSession';
import { SaveQueryForm } from './SaveQueryForm';
import { closeDrawerToOpener } from './drawer-focus';

type EditorApi = {
  setPosition(p: { line: number; column: number }, scroll?: boolean): void;
  focus(): void;
  /** The CodeMirror view (typed by what we use, so the lazy chunk's types stay local). */
  codemirror: Parameters<typeof closeCompletion>[0];
};

/**
 * The Cypher editor: highlighting from the editor package, completion of keywords, functions,
 * labels, relationship types and each label's properties from the database's schema, and a
 * parameters panel for the `$names` the query uses.
 */
export default function CypherEditorPane() {
  const explorer = useExplorer();
  // Saving a query is an editor's (the server refuses viewers): not offered until the role is known.
  const mayEdit = useMayEdit();
  const cypher = useApp((s) => s.drawer.cypher);
  const theme = useApp((s) => s.theme);
  const schema = useApp((s) => s.schema);
  const error = useApp((s) => s.drawer.error);
  const running = useApp((s) => s.drawer.running);
  const editor = useRef<EditorApi | null>(null);
  const names = useMemo(() => queryParamNames(cypher), [cypher]);

  const editorSchema = useMemo(
    () =>
      schema
        ? {
            labels: schema.labels.map((l) => l.label),
            relationshipTypes: schema.relationshipTypes.map((t) => t.type),
            propertyKeys: schema.propertyKeys,
          }
        : undefined,
    [schema],
  );
  // Read by the completion on each request (the extension itself is created once).
  const completionSchema = useRef<CompletionSchema>({ labels: [], relationshipTypes: [], propertyKeys: [] });
  useEffect(() => {
    completionSchema.current = {
      ...(editorSchema ?? { labels: [], relationshipTypes: [], propertyKeys: [] }),
      ...(schema?.labelProperties ? { labelProperties: schema.labelProperties } : {}),
      ...(schema?.functions ? { functions: schema.functions } : {}),
      parameters: names,
    };
  }, [editorSchema, schema, names]);
  const extensions = useMemo(() => [cypherCompletion(() => completionSchema.current)], []);

  // A query that runs (Ctrl+Enter or the Run button) or is refused leaves no completion list open
  // over the editor. Ctrl+Enter never reaches the editor's keymap: the drawer takes it first.
  useEffect(() => {
    if ((running || error) && editor.current) closeCompletion(editor.current.codemirror);
  }, [running, error]);

  // Put the cursor where Neo4j says the syntax error is.
  useEffect(() => {
    const pos = error?.details.position;
    if (pos && editor.current) {
      editor.current.setPosition({ line: pos.line, column: pos.column }, true);
      editor.current.focus();
    }
  }, [error]);

  return (
    <>
      <div
        className="editor-wrap"
        data-testid="cypher-editor"
        onKeyDown={(e) => {
          // Esc that the editor left alone (it takes the ones closing its completion, search or
          // multiple selection) closes the drawer, as Esc closes search results and dialogs.
          if (e.key !== 'Escape' || e.defaultPrevented) return;
          e.preventDefault();
          closeDrawerToOpener(explorer);
        }}
      >
        <CypherEditor
          value={cypher}
          onValueChanged={(v: string) => explorer.setDrawer({ cypher: v, ran: false })}
          schema={editorSchema}
          theme={theme}
          autofocus
          lineWrapping
          autocomplete={false}
          // Fixed, not placed in the editor's scrolling box: a completion list that reaches past the
          // editor's column (over the result pane) is not cut at its edge.
          tooltipAbsolute={false}
          postExtensions={extensions}
          placeholder="MATCH (p:Person)-[r]->(x) RETURN p, r, x LIMIT 25"
          onEditorCreated={(api: unknown) => {
            editor.current = api as EditorApi;
          }}
        />
      </div>
      {names.length ? <ParamsPanel names={names} /> : null}
      <div className="editor-tools small muted">
        {/* Tab indents in the editor: keyboard users need the way out (CodeMirror's Ctrl+M makes Tab move
            the focus; Esc closes the drawer). */}
        <span className="editor-hint" data-testid="cypher-hint">
          <span className="kbd">Ctrl</span>+<span className="kbd">Enter</span> runs · <span className="kbd">Ctrl</span>+
          <span className="kbd">Space</span> completes · <span className="kbd">Esc</span> closes the drawer ·{' '}
          <span className="kbd">Ctrl</span>+<span className="kbd">M</span> then <span className="kbd">Tab</span> leaves
          the editor · read-only, at most 1,000 rows and 5 s
        </span>
        {mayEdit ? <SaveQueryForm /> : null}
      </div>
    </>
  );
}

/** One field per `$name` of the query; values are JSON (42, true, ["a"], {"k": 1}) or plain text. */
function ParamsPanel({ names }: { names: readonly string[] }) {
  const explorer = useExplorer();
  const values = useApp((s) => s.drawer.cypherParams);
  return (
    <div className="params-panel" data-testid="cypher-params">
      <div className="small muted">
        Parameters <span className="faint">· JSON (42, true, [&quot;a&quot;]) or plain text</span>
      </div>
      {names.map((n) => (
        <label key={n} className="param-row">
          <span className="mono">${n}</span>
          <input
            className="input mono"
            value={values[n] ?? ''}
            placeholder="null"
            data-testid={`cypher-param-${n}`}
            onChange={(e) =>
              explorer.setDrawer({
                cypherParams: { ...explorer.state.drawer.cypherParams, [n]: e.target.value },
                ran: false,
              })
            }
          />
        </label>
      ))}
    </div>
  );
}
