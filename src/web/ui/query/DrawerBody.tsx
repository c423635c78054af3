/**
 * The drawer's body (loaded on first open): the Cypher editor or a saved query's parameter
 * form on the left, the result table on the right. The editor itself is a further chunk, so
 * opening a saved query does not load CodeMirror.
 */
import { lazy, Suspense } from 'react';
import { useApp, useExplorer } from '../context';
import { ParamForm } from './ParamForm';
import { ResultPane } from './ResultPane';

const CypherEditorPane = lazy(() => import('./CypherEditorPane'));

export default function DrawerBody() {
  const explorer = useExplorer();
  const mode = useApp((s) => s.drawer.mode);
  const query = useApp((s) => s.drawer.query);
  const saved = explorer.savedQuery(query);
  // The library has loaded and has no query of that name (a mistyped link): say so, not "loading".
  const listed = useApp((s) => s.queries !== null);
  return (
    <div
      className="drawer-body"
      onKeyDownCapture={(e) => {
        // Ctrl/Cmd+Enter runs, from the editor or any form field.
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          void explorer.runDrawer();
        }
      }}
    >
      <div className="drawer-left">
        {mode === 'saved' && saved ? (
          <ParamForm query={saved} />
        ) : mode === 'saved' ? (
          <div className="result-empty">
            {!query
              ? 'Choose a saved query on the left.'
              : listed
                ? `There is no saved query called “${query}”. Choose one on the left.`
                : `Loading the saved query “${query}”…`}
          </div>
        ) : (
          <Suspense fallback={<textarea className="editor-fallback mono" readOnly value="Loading the editor…" />}>
            <CypherEditorPane />
          </Suspense>
        )}
      </div>
      <div className="drawer-right">
        <ResultPane />
      </div>
    </div>
  );
}
