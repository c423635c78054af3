/**
 * Entry point. Creates the one Explorer (store, API client, render pipeline, controllers) and
 * mounts React. Sigma is created later, inside GraphCanvas's effect, once WebGL is known to work.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared surface of floating elements first: every stylesheet after it, the components' own
// included, may override it.
import './ui/shell/surfaces.css';
import { Explorer } from './app/explorer';
import { installTestHooks } from './testing/hooks';
import { ExplorerContext } from './ui/context';
import { App } from './ui/shell/App';
// One stylesheet per part of the page, in cascade order (later files may override earlier ones).
import './ui/shell/app.css';
import './ui/shell/panels.css';
import './ui/graph/graph.css';
import './ui/detail/detail.css';
import './ui/query/drawer.css';
import './ui/shell/views.css';
import './ui/timeline/timeline.css';
import './ui/claims/claims.css';
import './ui/evidence/evidence.css';
import './ui/detail/corroboration.css';
import './ui/shell/narrow.css';

const explorer = new Explorer();
document.documentElement.dataset.theme = explorer.state.theme;
explorer.store.subscribe(() => {
  if (document.documentElement.dataset.theme !== explorer.state.theme)
    document.documentElement.dataset.theme = explorer.state.theme;
});
// Builds for end-to-end tests only (vite --mode e2e); dropped from production builds.
if (__NEWSGRAPH_TEST__) installTestHooks(explorer);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ExplorerContext.Provider value={explorer}>
      <App />
    </ExplorerContext.Provider>
  </StrictMode>,
);
void explorer.start();
