import { create } from 'zustand';
import type { DueInput, Goal, OperationInput, Task } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';
import { describeRecurrence } from './task-format';
import { moveLocally, siblingsOf, subtasksOf } from './task-tree';

export type TaskSegment = 'today' | 'upcoming' | 'goal' | 'all';

/** What the quick-add field and the subtask field send. */
export interface NewTask {
  title: string;
  priority: number;
  dueAt: DueInput | null;
  parentId?: string;
}

export type TaskPatch = OperationInput<'tasks.update'>['patch'];

/** At most this many top-level tasks per list; a longer one says so. */
const LIST_LIMIT = 500;

interface TasksState {
  segment: TaskSegment;
  /** The goal "By goal" shows. */
  goalId: string | undefined;
  goals: Goal[];
  items: Task[];
  /** The person's zone and day, as the server counted them. */
  timeZone: string;
  today: string;
  /** False until the current list has arrived: placeholders hold its place meanwhile. */
  hasLoaded: boolean;
  hasMore: boolean;
  error: CairnError | undefined;
  actionError: CairnError | undefined;
  /** Read out by a polite live region: moves, completions, deletions. */
  announcement: string;
  collapsed: Record<string, boolean>;
  editingId: string | undefined;
  confirmingId: string | undefined;
  show(segment: TaskSegment): Promise<void>;
  chooseGoal(goalId: string): Promise<void>;
  load(): Promise<void>;
  /** After `tasks.changed` / `goals.changed`: only a view that was opened keeps up. */
  refresh(): Promise<void>;
  create(task: NewTask): Promise<boolean>;
  toggle(task: Task): Promise<void>;
  save(task: Task, patch: TaskPatch): Promise<boolean>;
  /** Alt+Arrow: one place up or down among its siblings. */
  move(task: Task, direction: -1 | 1): Promise<void>;
  /** Resolves false when the move was refused (Upcoming keeps date order) or failed. */
  moveTo(id: string, relativeTo: string, place: 'before' | 'after'): Promise<boolean>;
  /** Makes a task a subtask of the one above it, or takes a subtask out. */
  nest(task: Task, isNested: boolean): Promise<void>;
  remove(task: Task): Promise<boolean>;
  setCollapsed(id: string, isCollapsed: boolean): void;
  edit(id: string | undefined): void;
  confirmDelete(id: string | undefined): void;
  announce(text: string): void;
}

/** Words for failures that mean something particular for a task. */
export function taskAdvice(error: CairnError): string | undefined {
  if (error.code === 'conflict') return 'This task was changed somewhere else. The list is up to date now; try again.';
  if (error.code === 'not_found') return 'That task no longer exists; it may have been deleted elsewhere. The list is up to date now.';
  // The server says exactly which rule was broken ("A subtask cannot repeat …").
  if (error.code === 'invalid_state') return error.message;
  return undefined;
}

function quoted(task: { title: string }): string {
  return `“${task.title}”`;
}

export const useTasksStore = create<TasksState>()((set, get) => {
  // Only the newest request may write the list: a slow answer for another tab never wins.
  let ticket = 0;
  // While changes are in flight the list is not read back: an answer from before a move would
  // put the row back where it was for a moment. One read follows the last change instead.
  let writes = 0;
  let isReloadOwed = false;
  // Alternates so the same words twice are read out twice.
  let echo = false;

  function announce(text: string): void {
    echo = !echo;
    set({ announcement: echo ? text : `${text}\u200B` });
  }

  async function reload(): Promise<void> {
    if (writes > 0) {
      isReloadOwed = true;
      return;
    }
    ticket += 1;
    const mine = ticket;
    const { segment, goalId } = get();
    if (segment === 'goal' && goalId === undefined) {
      set({ items: [], hasLoaded: true, hasMore: false });
      return;
    }
    const list = await api['tasks.list']({ view: segment, goalId: segment === 'goal' ? goalId : undefined, limit: LIST_LIMIT });
    if (mine !== ticket) return;
    set({ items: list.items, hasMore: list.hasMore, timeZone: list.timeZone, today: list.today, hasLoaded: true, error: undefined });
  }

  async function loadGoals(): Promise<void> {
    const { items } = await api['goals.list']({ status: 'active' });
    const current = get().goalId;
    set({ goals: items, goalId: items.some((goal) => goal.id === current) ? current : items[0]?.id });
  }

  /**
   * Runs a change, then reads the list back once (the server's truth: a repeating task's next
   * occurrence, a subtask under its new parent). A failure is shown in words.
   */
  async function attempt(work: () => Promise<void>): Promise<boolean> {
    set({ actionError: undefined });
    writes += 1;
    // Answers to reads that started before this change are stale.
    ticket += 1;
    isReloadOwed = true;
    try {
      await work();
      return true;
    } catch (error) {
      set({ actionError: toCairnError(error) });
      return false;
    } finally {
      writes -= 1;
      if (writes === 0 && isReloadOwed) {
        isReloadOwed = false;
        await reload().catch((error: unknown) => set({ error: toCairnError(error) }));
      }
    }
  }

  function replace(task: Task): void {
    set((state) => ({ items: state.items.map((each) => (each.id === task.id ? task : each)) }));
  }

  return {
    segment: 'today',
    goalId: undefined,
    goals: [],
    items: [],
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    today: new Date().toISOString().slice(0, 10),
    hasLoaded: false,
    hasMore: false,
    error: undefined,
    actionError: undefined,
    announcement: '',
    collapsed: {},
    editingId: undefined,
    confirmingId: undefined,
    async show(segment) {
      if (segment !== get().segment) set({ segment, items: [], hasLoaded: false, editingId: undefined, confirmingId: undefined, actionError: undefined });
      await get().load();
    },
    async chooseGoal(goalId) {
      set({ goalId, items: [], hasLoaded: false, editingId: undefined, confirmingId: undefined });
      await get().load();
    },
    async load() {
      try {
        if (get().segment === 'goal') await loadGoals();
        await reload();
      } catch (error) {
        set({ error: toCairnError(error), hasLoaded: true });
      }
    },
    async refresh() {
      if (!get().hasLoaded) return;
      await get().load();
    },
    async create(task) {
      const { segment, goalId } = get();
      let created: Task | undefined;
      const isDone = await attempt(async () => {
        created = await api['tasks.create']({
          title: task.title,
          priority: task.priority,
          dueAt: task.dueAt,
          parentId: task.parentId ?? null,
          goalId: segment === 'goal' && task.parentId === undefined ? (goalId ?? null) : null,
        });
      });
      if (created === undefined) return isDone;
      const where = created.dueAt === null ? 'under All' : 'under Upcoming';
      announce(get().items.some((each) => each.id === created?.id) ? `Added ${quoted(created)}.` : `Added ${quoted(created)}. It is not in this list; find it ${where}.`);
      return isDone;
    },
    async toggle(task) {
      const status = task.status === 'done' ? 'todo' : 'done';
      replace({ ...task, status });
      let updated: Task | undefined;
      await attempt(async () => {
        updated = await api['tasks.update']({ id: task.id, expectedVersion: task.version, patch: { status } });
      });
      if (updated === undefined) return;
      const repeats =
        status === 'done' && updated.recurrence !== null ? ` It repeats ${describeRecurrence(updated.recurrence).toLowerCase()}; the next one is in Upcoming.` : '';
      announce(status === 'done' ? `Completed ${quoted(task)}.${repeats}` : `${quoted(task)} is open again.`);
    },
    async save(task, patch) {
      const isSaved = await attempt(async () => {
        replace(await api['tasks.update']({ id: task.id, expectedVersion: task.version, patch }));
      });
      if (isSaved) announce(`Saved ${quoted({ title: patch.title ?? task.title })}.`);
      return isSaved;
    },
    async move(task, direction) {
      const siblings = siblingsOf(get().items, task);
      const index = siblings.findIndex((each) => each.id === task.id);
      const neighbour = siblings[index + direction];
      if (neighbour === undefined) {
        announce(`${quoted(task)} is already ${direction < 0 ? 'first' : 'last'}.`);
        return;
      }
      if (await get().moveTo(task.id, neighbour.id, direction < 0 ? 'before' : 'after')) {
        announce(`Moved ${quoted(task)} ${direction < 0 ? 'up' : 'down'}: ${index + direction + 1} of ${siblings.length}.`);
      }
    },
    async moveTo(id, relativeTo, place) {
      const task = get().items.find((each) => each.id === id);
      const anchor = get().items.find((each) => each.id === relativeTo);
      if (task === undefined || anchor === undefined) return false;
      // Upcoming is sorted by due time; only tasks due at the same time keep a chosen order.
      if (get().segment === 'upcoming' && task.parentId === null && anchor.dueAt !== task.dueAt) {
        announce(`Upcoming is in date order. To move ${quoted(task)} past ${quoted(anchor)}, change its due date.`);
        return false;
      }
      set((state) => ({ items: moveLocally(state.items, id, relativeTo, place) }));
      return attempt(async () => {
        await api['tasks.reorder']({ id, relativeTo, place });
      });
    },
    async nest(task, isNested) {
      if (!isNested) {
        if (task.parentId === null) return;
        if (await attempt(async () => void (await api['tasks.update']({ id: task.id, expectedVersion: task.version, patch: { parentId: null } })))) {
          announce(`${quoted(task)} is no longer a subtask.`);
        }
        return;
      }
      const siblings = siblingsOf(get().items, task);
      const above = siblings[siblings.findIndex((each) => each.id === task.id) - 1];
      if (task.parentId !== null || above === undefined) {
        announce(task.parentId !== null ? `${quoted(task)} is already a subtask.` : `There is no task above ${quoted(task)} to put it under.`);
        return;
      }
      set((state) => ({ collapsed: { ...state.collapsed, [above.id]: false } }));
      if (await attempt(async () => void (await api['tasks.update']({ id: task.id, expectedVersion: task.version, patch: { parentId: above.id } })))) {
        announce(`${quoted(task)} is now a subtask of ${quoted(above)}.`);
      }
    },
    async remove(task) {
      const count = subtasksOf(get().items, task.id).length;
      const isDeleted = await attempt(async () => {
        await api['tasks.delete']({ id: task.id, expectedVersion: task.version });
        set((state) => ({ items: state.items.filter((each) => each.id !== task.id && each.parentId !== task.id), confirmingId: undefined }));
      });
      if (isDeleted) announce(`Deleted ${quoted(task)}${count === 0 ? '' : ` and its ${count === 1 ? 'subtask' : `${count} subtasks`}`}.`);
      return isDeleted;
    },
    setCollapsed: (id, isCollapsed) => set((state) => ({ collapsed: { ...state.collapsed, [id]: isCollapsed } })),
    edit: (id) => set({ editingId: id, confirmingId: undefined }),
    confirmDelete: (id) => set({ confirmingId: id, editingId: undefined }),
    announce,
  };
});
