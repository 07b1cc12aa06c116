import type { CheckRun, Insight } from '../../../src-shared/contract';
import { isErrorCode } from '../../../src-shared/errors';
import type { AiRequestRow } from '../db/repositories/ai-requests';
import type { CheckRunRow } from '../db/repositories/check-runs';
import type { EvidenceRow, InsightRow } from '../db/repositories/insights';
import { toIso } from '../thoughts/thought-mapping';

interface RunNotes {
  lines: string[];
  hint?: string | null;
}

export function toCheckRun(row: CheckRunRow, requests: readonly AiRequestRow[]): CheckRun {
  const notes = parseNotes(row.notes);
  return {
    id: row.id,
    trigger: row.trigger,
    status: row.status,
    provider: providerOf(row.provider),
    model: row.model,
    inputCount: row.input_count,
    sentCount: row.sent_count,
    tokensIn: row.tokens_in,
    tokensOut: row.tokens_out,
    costUsd: row.cost_micros / 1_000_000,
    insightCount: row.insight_count,
    error:
      row.error_code !== null && isErrorCode(row.error_code)
        ? { code: row.error_code, message: row.error_message ?? '', hint: notes.hint ?? null }
        : null,
    notes: notes.lines,
    requests: requests.map((request) => ({
      provider: providerOf(request.provider) ?? 'offline',
      model: request.model,
      purpose: request.purpose,
      remote: request.remote === 1,
      thoughtCount: request.thought_count,
      status: request.status,
      errorCode: request.error_code !== null && isErrorCode(request.error_code) ? request.error_code : null,
      tokensIn: request.tokens_in,
      tokensOut: request.tokens_out,
      startedAt: toIso(request.started_at),
      finishedAt: request.finished_at === null ? null : toIso(request.finished_at),
    })),
    createdAt: toIso(row.created_at),
    finishedAt: row.finished_at === null ? null : toIso(row.finished_at),
  };
}

export function toInsight(row: InsightRow, evidence: readonly EvidenceRow[]): Insight {
  const data = parseData(row.data);
  const proposed = data['proposedTask'];
  return {
    id: row.id,
    runId: row.run_id,
    kind: row.kind,
    topic: typeof data['topic'] === 'string' ? (data['topic'] as Insight['topic']) : null,
    title: row.title,
    body: row.body,
    provider: providerOf(row.provider) ?? 'offline',
    evidence: evidence.map((item) => ({ thoughtId: item.thought_id, excerpt: item.excerpt })),
    proposedTask:
      typeof proposed === 'object' && proposed !== null && typeof (proposed as { title?: unknown }).title === 'string'
        ? {
            title: (proposed as { title: string }).title,
            dueAt: typeof (proposed as { dueAt?: unknown }).dueAt === 'number' ? toIso((proposed as { dueAt: number }).dueAt) : null,
          }
        : null,
    pinned: row.pinned === 1,
    dismissed: row.dismissed_at !== null,
    taskId: row.task_id,
    createdAt: toIso(row.created_at),
  };
}

function providerOf(value: string | null): CheckRun['provider'] {
  return value === 'ollama' || value === 'claude' || value === 'offline' ? value : null;
}

function parseNotes(text: string): RunNotes {
  try {
    const value = JSON.parse(text) as Partial<RunNotes>;
    return { lines: Array.isArray(value.lines) ? value.lines.filter((line) => typeof line === 'string') : [], hint: value.hint ?? null };
  } catch {
    return { lines: [] };
  }
}

function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
