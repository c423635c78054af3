/**
 * Entry point. Creates the one Explorer (store, API client, render graph) and mounts React.
 * Sigma is created later, inside GraphCanvas's effect, once WebGL is known to work.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/shell/App';
import { Explorer } from './app/explorer';
import { ExplorerContext } from './ui/context';
import { installTestHook } from './app/test-hook';
import './ui/shell/app.css';
import { Investigation } from './views/investigation';
import { InvestigationContext } from './views/context';
import { installInvestigationTestHook } from './views/test-hook';

const explorer = new Explorer();
document.documentElement.dataset.theme = explorer.state.theme;
explorer.store.subscribe(() => {
  if (document.documentElement.dataset.theme !== explorer.state.theme) document.documentElement.dataset.theme = explorer.state.theme;
});
installTestHook(explorer);
// Investigation views (timeline, map, claims board, evidence reader) beside the explorer.
const investigation = new Investigation(explorer);
installInvestigationTestHook(investigation);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ExplorerContext.Provider value={explorer}>
      <InvestigationContext.Provider value={investigation}>
        <App />
      </InvestigationContext.Provider>
    </ExplorerContext.Provider>
  </StrictMode>,
);
void explorer.start();
void investigation.start();
