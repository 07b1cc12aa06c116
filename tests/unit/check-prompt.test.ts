import { describe, expect, it } from 'vitest';
import { buildCheckPrompt, estimateTokens } from '../../src-main/core/checks/check-prompt';
import type { CheckInput, CheckThought } from '../../src-main/core/checks/check-types';

const NOW = Date.parse('2026-11-30T12:00:00Z');

function thoughts(count: number, length = 200): CheckThought[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `ID${String(i).padStart(24, '0')}`,
    seq: i + 1,
    text: `Thought ${i} ${'x'.repeat(length)}`,
    type: 'note' as const,
    createdAt: NOW - (count - i) * 60_000,
    isPrivate: i % 10 === 0,
    tags: i % 3 === 0 ? ['work'] : [],
  }));
}

function input(list: CheckThought[]): CheckInput {
  return {
    now: NOW,
    timeZone: 'Europe/Berlin',
    thoughts: list,
    omitted: 0,
    goals: [{ id: 'g', title: 'Run a marathon', targetDate: Date.parse('2027-04-01T00:00:00Z'), lifeArea: 'Health' }],
    openTasks: [],
    recentQuestions: [],
    thoughtsAfter: () => [],
    captureDays: [],
    vectorsOf: () => new Map(),
    topTags: ['work'],
  };
}

describe('the check prompt', () => {
  it('carries every thought, labelled in order, with the goals, when they fit', () => {
    const list = thoughts(20);
    const built = buildCheckPrompt(input(list), { provider: 'ollama', remote: false, budgetTokens: 100_000 });
    expect(built.refs).toEqual(list.map((item) => item.id));
    expect(built.prompt).toContain('Run a marathon (by 2027-04-01) [Health]');
    expect(built.prompt).toMatch(/^T20 \[2026-11-30 12:59, note\] Thought 19/m);
    expect(built.notes).toEqual([]);
  });

  it('samples 5,000 thoughts into the budget (the newest and an even spread), and says so', () => {
    const list = thoughts(5_000);
    const budget = 14_000;
    const built = buildCheckPrompt(input(list), { provider: 'ollama', remote: false, budgetTokens: budget });
    expect(estimateTokens(built.system) + estimateTokens(built.prompt)).toBeLessThanOrEqual(budget);
    expect(built.refs.length).toBeGreaterThan(100);
    expect(built.refs.length).toBeLessThan(5_000);
    expect(built.refs.at(-1)).toBe(list.at(-1)!.id);
    expect(built.refs).toContain(list[0]!.id);
    expect(built.notes.join(' ')).toMatch(/Sampled \d+ of 5,000 new thoughts to fit Ollama's context/);
  });

  it('leaves private thoughts out of a prompt for a remote backend, and counts them', () => {
    const list = thoughts(30);
    const built = buildCheckPrompt(input(list), { provider: 'claude', remote: true, budgetTokens: 100_000 });
    expect(built.refs).toHaveLength(27);
    expect(built.prompt).not.toContain('Thought 0 ');
    expect(built.notes).toContain('3 private thoughts were not sent to Claude.');
  });

  it('shortens a very long thought and says so', () => {
    const built = buildCheckPrompt(input(thoughts(2, 5_000)), { provider: 'ollama', remote: false, budgetTokens: 100_000 });
    expect(built.notes).toContain('2 long thoughts were shortened to 1200 characters.');
  });
});
