import { QueryLibrary } from '../query/QueryLibrary';
import { SearchPanel } from '../search/SearchPanel';

/** Left column: search (with label filters) and the saved-query library. */
export function LeftPanel() {
  return (
    <>
      <SearchPanel />
      <div className="section grow" style={{ overflow: 'auto' }}>
        <QueryLibrary />
      </div>
    </>
  );
}
