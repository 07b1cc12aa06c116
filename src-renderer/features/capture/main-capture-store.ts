import { useTimelineStore } from '../timeline/timeline-store';
import { createCaptureStore } from './capture-store';

/** The capture bar at the top of the main window. */
export const useMainCaptureStore = createCaptureStore({
  draftKey: 'cairn.draft.main',
  source: 'app',
  // Shown at once; the `thoughts.changed` event that follows finds it already in place.
  onCaptured: (thought) => useTimelineStore.getState().place(thought),
});
