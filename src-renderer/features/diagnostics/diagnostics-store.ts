import { create } from 'zustand';
import type { Diagnostics } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';
import { useIndexStatusStore } from '../indexing/index-status-store';
import { reportText } from './diagnostics-format';
import { formatReportTime } from './report-time';

interface DiagnosticsState {
  report: Diagnostics | undefined;
  isLoading: boolean;
  error: CairnError | undefined;
  /** "Report copied." and the like, for the polite live region. */
  notice: string | undefined;
  /** The report's text, shown to copy by hand when the clipboard refused it. */
  manualCopy: string | undefined;
  load(): Promise<void>;
  copyReport(): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
}

export const useDiagnosticsStore = create<DiagnosticsState>()((set, get) => ({
  report: undefined,
  isLoading: false,
  error: undefined,
  notice: undefined,
  manualCopy: undefined,

  async load() {
    set({ isLoading: true });
    try {
      set({ report: await api['system.diagnostics']({}), error: undefined });
    } catch (error) {
      set({ error: toCairnError(error) });
    } finally {
      set({ isLoading: false });
    }
  },

  async copyReport() {
    const { report } = get();
    if (report === undefined) return;
    const text = reportText(report, formatReportTime);
    try {
      await navigator.clipboard.writeText(text);
      set({ notice: 'Report copied. It holds no thought text.', manualCopy: undefined });
    } catch {
      // No clipboard here (an insecure page, a refused permission): the text to copy by hand.
      set({ notice: 'Copying was not allowed here; select the report below and copy it.', manualCopy: text });
    }
  },

  async setPaused(paused) {
    await useIndexStatusStore.getState().setPaused(paused);
    await get().load();
  },
}));
