import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import { useEffect, useMemo, useRef } from 'react';
import { useApp, useExplorer } from '../context';
import { SaveQueryForm } from './SaveQueryForm';

type EditorApi = { setPosition(p: { line: number; column: number }, scroll?: boolean): void; focus(): void };

/** The Cypher editor: highlighting and completion from the database's schema (/api/schema). */
export default function CypherEditorPane() {
  const explorer = useExplorer();
  const cypher = useApp((s) => s.drawer.cypher);
  const theme = useApp((s) => s.theme);
  const schema = useApp((s) => s.schema);
  const error = useApp((s) => s.drawer.error);
  const editor = useRef<EditorApi | null>(null);

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
      <div className="editor-wrap" data-testid="cypher-editor">
        <CypherEditor
          value={cypher}
          onValueChanged={(v: string) => explorer.setDrawer({ cypher: v, ran: false })}
          schema={editorSchema}
          theme={theme}
          autofocus
          lineWrapping
          placeholder="MATCH (p:Person)-[r]->(x) RETURN p, r, x LIMIT 25"
          onEditorCreated={(api: unknown) => {
            editor.current = api as EditorApi;
          }}
        />
      </div>
      <div className="editor-tools small muted">
        <span>
          <span className="kbd">Ctrl</span>+<span className="kbd">Enter</span> runs · read-only, at most 1,000 rows and
          5 s
        </span>
        <SaveQueryForm />
      </div>
    </>
  );
}
