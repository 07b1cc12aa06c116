import { CaptureBar } from '../features/capture/capture-bar';
import { IndexIndicator } from '../features/indexing/index-indicator';
import { SearchBox } from '../features/search/search-box';
import { SearchResults } from '../features/search/search-results';
import { isSearchActive, useSearchStore } from '../features/search/search-store';
import { useOverlayStore } from '../features/palette/overlay-store';
import { useThoughtStore } from '../features/thought/thought-store';
import { lazyView, ViewLoading } from '../ui/lazy-view';
import { MainViews } from './main-views';
import { useLiveUpdates } from './use-live-updates';
import { useShortcuts } from './use-shortcuts';
import { useThoughtRoute } from './use-thought-route';

const ThoughtPanel = lazyView(() => import('../features/thought/thought-panel'), (module) => module.ThoughtPanel);
const CommandPalette = lazyView(() => import('../features/palette/command-palette'), (module) => module.CommandPalette);
const ShortcutsSheet = lazyView(() => import('../features/palette/shortcuts-sheet'), (module) => module.ShortcutsSheet);

/** The signed-in main window: search on top, capture, then the stream, the suggestions or the search results. */
export function Workspace() {
  const isSearching = useSearchStore((state) => isSearchActive(state.query));
  const isThoughtOpen = useThoughtStore((state) => state.openId !== undefined);
  const overlay = useOverlayStore((state) => state.overlay);
  const closeThought = useThoughtRoute();
  useLiveUpdates();
  useShortcuts(isThoughtOpen ? closeThought : undefined);

  return (
    <div className={isThoughtOpen ? 'workspace has-panel' : 'workspace'}>
      <div className="workspace-main">
        <header className="app-header">
          <h1 className="brand">Cairn</h1>
          <SearchBox />
          <IndexIndicator />
        </header>
        <main className="workspace-content">
          <CaptureBar />
          {isSearching ? <SearchResults /> : <MainViews />}
        </main>
      </div>
      {isThoughtOpen && (
        <ViewLoading>
          <ThoughtPanel onClose={closeThought} />
        </ViewLoading>
      )}
      {overlay !== undefined && (
        <ViewLoading fallback={null}>{overlay === 'palette' ? <CommandPalette /> : <ShortcutsSheet />}</ViewLoading>
      )}
    </div>
  );
}
