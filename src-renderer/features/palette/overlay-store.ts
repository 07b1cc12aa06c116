import { create } from 'zustand';

/** The one modal layer over the workspace: the command palette or the shortcuts sheet. */
export type Overlay = 'palette' | 'shortcuts';

interface OverlayState {
  overlay: Overlay | undefined;
  open(overlay: Overlay): void;
  close(): void;
}

export const useOverlayStore = create<OverlayState>()((set) => ({
  overlay: undefined,
  open: (overlay) => set({ overlay }),
  close: () => set({ overlay: undefined }),
}));
