import { create } from 'zustand';
import type { CheckRun, CheckSchedule, Insight } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';
import { without } from '../../ui/without';

export type InsightAction = 'pin' | 'dismiss' | 'task';

interface InsightsState {
  insights: Insight[];
  runs: CheckRun[];
  schedule: CheckSchedule | undefined;
  hasLoaded: boolean;
  error: CairnError | undefined;
  /** The check this window started (or found running), while it runs. */
  runningId: string | undefined;
  /** Why "Check now" or "Cancel" failed. */
  runError: CairnError | undefined;
  busy: Record<string, InsightAction>;
  failures: Record<string, CairnError>;
  notice: string | undefined;
  load(): Promise<void>;
  runNow(): Promise<void>;
  cancel(): Promise<void>;
  /** Each resolves true once done; a failure is kept in `failures`, shown on the card. */
  pin(insight: Insight): Promise<boolean>;
  dismiss(insight: Insight): Promise<boolean>;
  makeTask(insight: Insight): Promise<boolean>;
  /** After `checks.changed` / `insights.changed`. */
  refresh(): Promise<void>;
}


/** What checks found, the runs behind them, and the schedule. */
export const useInsightsStore = create<InsightsState>()((set, get) => {
  let ticket = 0;

  async function act(insight: Insight, action: InsightAction, work: () => Promise<string>): Promise<boolean> {
    set((state) => ({ busy: { ...state.busy, [insight.id]: action }, failures: without(state.failures, insight.id) }));
    try {
      const notice = await work();
      set({ notice });
      await get().refresh();
      return true;
    } catch (error) {
      set((state) => ({ failures: { ...state.failures, [insight.id]: toCairnError(error) } }));
      return false;
    } finally {
      set((state) => ({ busy: without(state.busy, insight.id) }));
    }
  }

  return {
    insights: [],
    runs: [],
    schedule: undefined,
    hasLoaded: false,
    error: undefined,
    runningId: undefined,
    runError: undefined,
    busy: {},
    failures: {},
    notice: undefined,
    async load() {
      const mine = ++ticket;
      try {
        const [insights, runs] = await Promise.all([api['insights.list']({ limit: 100 }), api['checks.list']({ limit: 10 })]);
        if (mine !== ticket) return;
        set({
          insights: insights.items,
          runs: runs.items,
          schedule: runs.schedule,
          runningId: runs.schedule.runningId ?? undefined,
          hasLoaded: true,
          error: undefined,
        });
      } catch (error) {
        if (mine === ticket) set({ error: toCairnError(error), hasLoaded: true });
      }
    },
    // Only a view that was opened keeps up; events before that cost no request.
    refresh: async () => {
      if (get().hasLoaded) await get().load();
    },
    async runNow() {
      set({ runError: undefined });
      try {
        const { runId, alreadyRunning } = await api['checks.runNow']({});
        // The latest-run summary says "Checking…" itself; a notice would outlive the run.
        set({ runningId: runId, notice: alreadyRunning ? 'A check is already running.' : undefined });
        await get().load();
      } catch (error) {
        set({ runError: toCairnError(error) });
      }
    },
    async cancel() {
      const id = get().runningId;
      if (id === undefined) return;
      try {
        await api['checks.cancel']({ id });
        set({ notice: 'Check cancelled. Nothing from it was kept.' });
      } catch (error) {
        set({ runError: toCairnError(error) });
      }
      await get().load();
    },
    pin: (insight) =>
      act(insight, 'pin', async () => {
        await api['insights.pin']({ id: insight.id, pinned: !insight.pinned });
        return insight.pinned ? 'Unpinned.' : 'Pinned: it stays until you dismiss it.';
      }),
    dismiss: (insight) =>
      act(insight, 'dismiss', async () => {
        await api['insights.dismiss']({ id: insight.id });
        return `Dismissed “${insight.title}”.`;
      }),
    makeTask: (insight) =>
      act(insight, 'task', async () => {
        const { task } = await api['insights.toTask']({ id: insight.id });
        return `Added “${task.title}” to your tasks.`;
      }),
  };
});
