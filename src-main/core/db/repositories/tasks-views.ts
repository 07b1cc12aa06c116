import type BetterSqlite3 from 'better-sqlite3';
import type { TaskView } from '../../../../src-shared/contract';
import { statement } from '../statements';
import { openTaskSql, TASK_COLUMNS, type TaskRow } from './tasks';

export interface TaskViewQuery {
  view: TaskView;
  goalId: string | undefined;
  /** The person's day, as instants: [startOfToday, endOfToday). */
  startOfToday: number;
  endOfToday: number;
  limit: number;
  offset: number;
}

const OPEN = openTaskSql();

/** Which tasks belong to each view, by their own fields (parents and subtasks alike). */
const MEMBERSHIP: Record<TaskView, string> = {
  today: `(${OPEN} AND due_at < @endOfToday) OR (status = 'done' AND completed_at >= @startOfToday)`,
  upcoming: `${OPEN} AND due_at >= @endOfToday`,
  goal: 'goal_id = @goalId',
  all: OPEN,
  done: "status IN ('done', 'cancelled')",
};

// Today keeps the person's order even for what was just completed: a ticked task stays where it
// was instead of jumping away from the keyboard focus.
const ORDER: Record<TaskView, string> = {
  today: 'p.position, p.created_at, p.id',
  upcoming: 'g.first_due, p.position, p.created_at, p.id',
  goal: 'p.position, p.created_at, p.id',
  all: 'p.position, p.created_at, p.id',
  done: 'g.last_done DESC, p.id DESC',
};

const P_COLUMNS = TASK_COLUMNS.split(', ')
  .map((column) => `p.${column}`)
  .join(', ');

/**
 * The top-level tasks of one view, a page of them: each listed when it or any of its subtasks
 * belongs to the view, ordered by the view's rule (a parent brought in by a subtask sorts by
 * that subtask's due date in Upcoming).
 */
export function listViewParents(sqlite: BetterSqlite3.Database, query: TaskViewQuery): TaskRow[] {
  return statement(
    sqlite,
    `SELECT ${P_COLUMNS}
     FROM (
       SELECT coalesce(parent_id, id) AS group_id, min(due_at) AS first_due, max(completed_at) AS last_done
       FROM tasks WHERE ${MEMBERSHIP[query.view]} GROUP BY group_id
     ) g JOIN tasks p ON p.id = g.group_id AND p.parent_id IS NULL
     ORDER BY ${ORDER[query.view]}
     LIMIT @limit OFFSET @offset`,
  ).all({
    startOfToday: query.startOfToday,
    endOfToday: query.endOfToday,
    goalId: query.goalId ?? null,
    limit: query.limit,
    offset: query.offset,
  }) as TaskRow[];
}
