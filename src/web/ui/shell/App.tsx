import { lazy, Suspense, useLayoutEffect } from 'react';
import { rememberDrawerOpener } from '../query/drawer-focus';
import { useApp } from '../context';
import { Banner } from './Banner';
import { TokenPrompt } from './TokenPrompt';
import { TopBar } from './TopBar';
import { DetailPanel } from '../detail/DetailPanel';
import { GraphCanvas } from '../graph/GraphCanvas';
import { GraphOverlay } from '../graph/GraphOverlay';
import { LeftPanel } from './LeftPanel';
import { SidePanel } from './SidePanel';
import { DrawerBar } from '../query/DrawerBar';
import { ClaimsBoard } from '../claims/ClaimsBoard';
import { EvidenceReader } from '../evidence/EvidenceReader';
import { DistanceCard } from '../map/DistanceCard';
import { MapStatus } from '../map/MapStatus';
import { TrayList } from '../map/TrayList';
import { TimelineStrip } from '../timeline/TimelineStrip';
import { ViewSwitch } from './ViewSwitch';
import { EdgeHoverCard } from '../graph/EdgeHoverCard';
import { StylePanel } from '../perspective/StylePanel';
import { shownPerspective } from '../../core/perspective/actions';

// The drawer body holds the Cypher editor (CodeMirror + the Cypher grammar): loaded on first open.
const DrawerBody = lazy(() => import('../query/DrawerBody'));

export function App() {
  const drawerOpen = useApp((s) => s.drawer.open);
  const drawerMode = useApp((s) => s.drawer.mode);
  // Esc in the editor closes the drawer and returns the focus to what opened it.
  useLayoutEffect(() => {
    if (drawerOpen) rememberDrawerOpener();
  }, [drawerOpen, drawerMode]);
  const mode = useApp((s) => s.view.mode);
  // The timeline strip only when the perspective has dates and the data has dated things.
  const timelineOn = useApp((s) => shownPerspective(s)?.views.timeline.on ?? false);
  const timelineEmpty = useApp(
    (s) => !!s.timeline.data && s.timeline.data.events.length + s.timeline.data.articles.length === 0,
  );
  return (
    <div className="app">
      <div className="banner-area">
        <Banner />
      </div>
      <TopBar />
      <SidePanel
        which="left"
        label="Search and saved queries"
        title="Search and saved queries"
        closeTestId="search-close"
      >
        <LeftPanel />
      </SidePanel>
      <main className="main" aria-label="Graph">
        <GraphCanvas />
        <GraphOverlay />
        {/* Before the hover cards: the relationship card shown over the list is read whole; the distance card sits beside it (views.css). */}
        <TrayList />
        <StylePanel />
        <EdgeHoverCard />
        <ViewSwitch />
        <DistanceCard />
        <MapStatus />
        {timelineOn && !timelineEmpty ? <TimelineStrip /> : null}
        {mode === 'claims' ? <ClaimsBoard /> : null}
        <EvidenceReader />
      </main>
      <SidePanel which="right" label="Details" title="Details" closeTestId="panel-close">
        <DetailPanel />
      </SidePanel>
      <section className="drawer" aria-label="Cypher and saved queries">
        <DrawerBar />
        {drawerOpen ? (
          <Suspense
            fallback={
              <div className="drawer-body">
                <div className="result-empty">Loading the editor…</div>
              </div>
            }
          >
            <DrawerBody />
          </Suspense>
        ) : null}
      </section>
      <TokenPrompt />
    </div>
  );
}
