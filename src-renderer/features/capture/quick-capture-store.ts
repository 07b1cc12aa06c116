import { createCaptureStore } from './capture-store';

/** The hotkey window; its own draft so a half-written quick thought never mixes with the main bar. */
export const useQuickCaptureStore = createCaptureStore({ draftKey: 'cairn.draft.quick', source: 'quick_capture' });
