import { excludeWithMentions, type PathView } from '../../core/paths/actions';
import { labelText } from '../../render/draw';
import { useApp, useExplorer } from '../context';
import { SearchBox } from '../search/SearchBox';
import { addForPaths } from '../search/add-for-paths';

/** Picks a second entity by name for the path bar: no need to find it on the canvas. */
export function FindPathsTo({ caption, paired }: { caption: string; paired: boolean }) {
  const explorer = useExplorer();
  const path = useApp((s) => s.path);
  return (
    <div className="find-paths-to" data-testid="find-paths-to-box">
      <SearchBox
        testId="find-paths-to"
        ariaLabel="Find paths to…"
        placeholder="Find paths to…"
        onPick={(hit) => addForPaths(explorer, hit.node)}
      />
      <div className="small faint" style={{ marginTop: 4 }} data-testid="find-paths-to-hint">
        {pathsHint(caption, paired, path)}
      </div>
    </div>
  );
}

/**
 * The line under the box: what the bar at the bottom of the graph offers now. Once a search has
 * run, the bar shows its result (and Clear) in place of the "Find paths" button.
 */
export function pathsHint(fullCaption: string, paired: boolean, path: PathView | null): string {
  const caption = shortName(fullCaption);
  if (!paired)
    return `Picks a second entity for paths from “${caption}”; Shift+click a node, or Shift+Enter on a search result, does the same.`;
  if (path?.count)
    return `The paths found are drawn; the bar at the bottom of the graph steps through them and clears them. Pick another to pair with “${caption}” instead.`;
  if (path && excludeWithMentions(path.exclude))
    return `No path found: “Try again including mentions” on the bar at the bottom of the graph follows articles' mentions too. Pick another to pair with “${caption}” instead.`;
  if (path)
    return `No path found: Clear on the bar at the bottom of the graph, then skip less and search again. Pick another to pair with “${caption}” instead.`;
  return `Two selected: “Find paths” is at the bottom of the graph. Pick another to pair with “${caption}” instead.`;
}

/**
 * A claim's caption is its whole statement: cut it as the canvas label is, and drop its closing
 * full stop so the sentence around it keeps its own punctuation.
 */
function shortName(caption: string): string {
  return labelText(caption.trim()).replace(/[\s.,;:!?]+$/, '');
}
