import { create } from 'zustand';

/** What the main column shows under the capture bar (search results replace it while searching). */
export type Pane = 'thoughts' | 'suggestions' | 'tasks' | 'insights' | 'goals' | 'settings' | 'diagnostics';

interface PaneState {
  pane: Pane;
  show(pane: Pane): void;
}

export const usePaneStore = create<PaneState>()((set) => ({
  pane: 'thoughts',
  show: (pane) => set({ pane }),
}));
