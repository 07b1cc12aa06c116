import type BetterSqlite3 from 'better-sqlite3';
import { expectChanges, statement } from '../statements';

export interface GoalRow {
  id: string;
  title: string;
  description: string;
  life_area: string | null;
  target_date: number | null;
  status: 'active' | 'done' | 'archived';
  created_at: number;
  updated_at: number;
  version: number;
}

const GOAL_COLUMNS = `g.id, g.title, g.description, a.name AS life_area, g.target_date, g.status, g.created_at, g.updated_at, g.version`;
const FROM = 'FROM goals g LEFT JOIN life_areas a ON a.id = g.life_area_id';

/** The id of the life area with this name (any case), creating it if needed. */
export function ensureLifeArea(sqlite: BetterSqlite3.Database, name: string, newId: () => string, now: number): string {
  const existing = statement(sqlite, 'SELECT id FROM life_areas WHERE lower(name) = lower(?)').get(name) as { id: string } | undefined;
  if (existing !== undefined) return existing.id;
  const id = newId();
  statement(sqlite, 'INSERT INTO life_areas (id, name, created_at) VALUES (?, ?, ?)').run(id, name, now);
  return id;
}

export interface GoalValues {
  title: string;
  description: string;
  lifeAreaId: string | null;
  targetDate: number | null;
  status: GoalRow['status'];
}

export function insertGoal(sqlite: BetterSqlite3.Database, id: string, values: GoalValues, now: number): void {
  statement(
    sqlite,
    `INSERT INTO goals (id, title, description, life_area_id, target_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, values.title, values.description, values.lifeAreaId, values.targetDate, values.status, now, now);
}

export function updateGoal(sqlite: BetterSqlite3.Database, id: string, version: number, values: GoalValues, now: number): void {
  const result = statement(
    sqlite,
    `UPDATE goals SET title = ?, description = ?, life_area_id = ?, target_date = ?, status = ?, updated_at = ?, version = version + 1
     WHERE id = ? AND version = ?`,
  ).run(values.title, values.description, values.lifeAreaId, values.targetDate, values.status, now, id, version);
  expectChanges(result, 1, 'update goal');
}

export function findGoal(sqlite: BetterSqlite3.Database, id: string): GoalRow | undefined {
  return statement(sqlite, `SELECT ${GOAL_COLUMNS} ${FROM} WHERE g.id = ?`).get(id) as GoalRow | undefined;
}

export function lifeAreaIdOf(sqlite: BetterSqlite3.Database, goalId: string): string | null {
  const row = statement(sqlite, 'SELECT life_area_id FROM goals WHERE id = ?').get(goalId) as { life_area_id: string | null } | undefined;
  return row?.life_area_id ?? null;
}

export function listGoals(sqlite: BetterSqlite3.Database, status: GoalRow['status'] | 'all'): GoalRow[] {
  if (status === 'all') {
    return statement(sqlite, `SELECT ${GOAL_COLUMNS} ${FROM} ORDER BY g.status = 'active' DESC, coalesce(g.target_date, 9e15), g.created_at`).all() as GoalRow[];
  }
  return statement(sqlite, `SELECT ${GOAL_COLUMNS} ${FROM} WHERE g.status = ? ORDER BY coalesce(g.target_date, 9e15), g.created_at`).all(status) as GoalRow[];
}

export interface GoalPlanRow {
  id: string;
  goal_id: string;
  status: 'draft' | 'accepted' | 'discarded';
  provider: string;
  steps: string;
  notes: string;
  created_at: number;
}

const PLAN_COLUMNS = 'id, goal_id, status, provider, steps, notes, created_at';

export function insertGoalPlan(sqlite: BetterSqlite3.Database, plan: Omit<GoalPlanRow, 'created_at' | 'status'>, now: number): void {
  // A new draft replaces any earlier one still waiting for review.
  statement(sqlite, `UPDATE goal_plans SET status = 'discarded', resolved_at = ? WHERE goal_id = ? AND status = 'draft'`).run(now, plan.goal_id);
  statement(sqlite, `INSERT INTO goal_plans (id, goal_id, status, provider, steps, notes, created_at) VALUES (?, ?, 'draft', ?, ?, ?, ?)`).run(
    plan.id,
    plan.goal_id,
    plan.provider,
    plan.steps,
    plan.notes,
    now,
  );
}

export function findGoalPlan(sqlite: BetterSqlite3.Database, id: string): GoalPlanRow | undefined {
  return statement(sqlite, `SELECT ${PLAN_COLUMNS} FROM goal_plans WHERE id = ?`).get(id) as GoalPlanRow | undefined;
}

export function draftPlanOf(sqlite: BetterSqlite3.Database, goalId: string): GoalPlanRow | undefined {
  return statement(sqlite, `SELECT ${PLAN_COLUMNS} FROM goal_plans WHERE goal_id = ? AND status = 'draft' ORDER BY created_at DESC LIMIT 1`).get(goalId) as
    | GoalPlanRow
    | undefined;
}

export function resolveGoalPlan(sqlite: BetterSqlite3.Database, id: string, status: 'accepted' | 'discarded', now: number): void {
  expectChanges(
    statement(sqlite, `UPDATE goal_plans SET status = ?, resolved_at = ? WHERE id = ? AND status = 'draft'`).run(status, now, id),
    1,
    'resolve goal plan',
  );
}

export interface GoalThoughtRow {
  goal_id: string;
  thought_id: string;
  status: 'suggested' | 'linked' | 'dismissed';
  similarity: number;
  excerpt: string;
}

export function goalThoughts(sqlite: BetterSqlite3.Database, goalId: string): GoalThoughtRow[] {
  return statement(
    sqlite,
    `SELECT gt.goal_id, gt.thought_id, gt.status, gt.similarity, substr(t.text, 1, 200) AS excerpt
     FROM goal_thoughts gt JOIN thoughts t ON t.id = gt.thought_id
     WHERE gt.goal_id = ? AND gt.status != 'dismissed' AND t.deleted_at IS NULL
     ORDER BY gt.status = 'linked' DESC, gt.similarity DESC LIMIT 50`,
  ).all(goalId) as GoalThoughtRow[];
}

/** Suggests a link unless the pair is already known (linked or dismissed stays as it is). */
export function suggestGoalThought(sqlite: BetterSqlite3.Database, goalId: string, thoughtId: string, similarity: number, now: number): boolean {
  return (
    statement(
      sqlite,
      `INSERT OR IGNORE INTO goal_thoughts (goal_id, thought_id, status, similarity, created_at) VALUES (?, ?, 'suggested', ?, ?)`,
    ).run(goalId, thoughtId, similarity, now).changes === 1
  );
}

export function setGoalThought(sqlite: BetterSqlite3.Database, goalId: string, thoughtId: string, status: 'linked' | 'dismissed', now: number): void {
  statement(
    sqlite,
    `INSERT INTO goal_thoughts (goal_id, thought_id, status, similarity, created_at) VALUES (?, ?, ?, 0, ?)
     ON CONFLICT (goal_id, thought_id) DO UPDATE SET status = excluded.status`,
  ).run(goalId, thoughtId, status, now);
}

export function findGoalThought(sqlite: BetterSqlite3.Database, goalId: string, thoughtId: string): GoalThoughtRow | undefined {
  return statement(
    sqlite,
    `SELECT gt.goal_id, gt.thought_id, gt.status, gt.similarity, substr(t.text, 1, 200) AS excerpt
     FROM goal_thoughts gt JOIN thoughts t ON t.id = gt.thought_id WHERE gt.goal_id = ? AND gt.thought_id = ?`,
  ).get(goalId, thoughtId) as GoalThoughtRow | undefined;
}
