import { describe, expect, it } from 'vitest';
import type { CheckInput, CheckThought, OpenTask } from '../../src-main/core/checks/check-types';
import { offlineCheck } from '../../src-main/core/checks/offline-check';
import { checkInputOf } from '../helpers/check-input';

const DAY = 24 * 3_600_000;
const NOW = Date.parse('2026-11-30T12:00:00Z');
let seq = 0;

function thought(text: string, daysAgo: number, extra: Partial<CheckThought> = {}): CheckThought {
  seq += 1;
  return { id: `T${String(seq).padStart(25, '0')}`, seq, text, type: 'note', createdAt: NOW - daysAgo * DAY, isPrivate: false, tags: [], ...extra };
}

function input(overrides: Partial<CheckInput>): CheckInput {
  return checkInputOf(NOW, overrides);
}

function task(title: string, extra: Partial<OpenTask>): OpenTask {
  return { id: `K${title.length}`, title, status: 'todo', dueAt: null, createdAt: NOW - 30 * DAY, updatedAt: NOW - DAY, sourceThoughtId: null, goalTitle: null, ...extra };
}

describe('the offline check', () => {
  it('names a recurring theme by its most characteristic words and cites the thoughts', () => {
    const thoughts = [
      thought('Slept badly, insomnia again', 3),
      thought('Insomnia is wrecking my mornings', 2),
      thought('Read about insomnia and caffeine', 1),
      thought('Bought new running shoes', 1),
      thought('Dinner with Mia on Friday', 0),
    ];
    const { findings } = offlineCheck(input({ thoughts }));
    const theme = findings.find((finding) => finding.topic === 'theme');
    expect(theme?.title).toBe('Recurring theme: insomnia');
    expect(theme?.body).toContain('3 of your 5 recent thoughts');
    expect(new Set(theme?.evidence)).toEqual(new Set(thoughts.slice(0, 3).map((item) => item.id)));
  });

  it('clusters by meaning when vectors exist, naming the cluster by its shared words', () => {
    const garden = ['Tomatoes need staking in the garden', 'Garden: weed the tomatoes bed', 'Garden compost for the tomatoes'].map((text, i) => thought(text, i));
    const work = ['Quarterly report draft due', 'Report numbers look off', 'Send the report to finance'].map((text, i) => thought(text, i));
    const axis = (index: number) => {
      const vector = new Float32Array(8);
      vector[index] = 1;
      return vector;
    };
    const vectors = new Map<number, Float32Array>([...garden.map((item) => [item.seq, axis(0)] as const), ...work.map((item) => [item.seq, axis(1)] as const)]);
    const { findings, notes } = offlineCheck(input({ thoughts: [...garden, ...work], vectorsOf: () => vectors }));
    const titles = findings.filter((finding) => finding.topic === 'theme').map((finding) => finding.title);
    expect(titles).toEqual(expect.arrayContaining([expect.stringMatching(/^Recurring theme: (garden|tomatoes)/), expect.stringMatching(/^Recurring theme: report/)]));
    expect(notes).toEqual([]);
  });

  it('finds overdue tasks (most overdue first) and stalled ones, but not tasks simply scheduled later', () => {
    const findings = offlineCheck(
      input({
        openTasks: [
          task('Renew passport', { id: 'A', dueAt: NOW - 10 * DAY, sourceThoughtId: 'S1' }),
          task('Pay the bill', { id: 'B', dueAt: NOW - DAY }),
          task('Clean the attic', { id: 'C', updatedAt: NOW - 20 * DAY }),
          task('Book flights', { id: 'D', updatedAt: NOW - 20 * DAY, dueAt: NOW + 5 * DAY }),
          task('Fresh task', { id: 'E' }),
        ],
      }),
    ).findings;
    expect(findings.filter((finding) => finding.topic === 'overdue').map((finding) => finding.title)).toEqual(['Overdue: Renew passport', 'Overdue: Pay the bill']);
    expect(findings.find((finding) => finding.title === 'Overdue: Renew passport')?.evidence).toEqual(['S1']);
    expect(findings.filter((finding) => finding.topic === 'stalled_task').map((finding) => finding.title)).toEqual(['Stalled: Clean the attic', 'Stalled: Book flights']);
  });

  it('flags a question nobody came back to, but not one answered later or asked today', () => {
    const open = thought('Should I learn Rust or Go?', 5, { type: 'question' });
    const answered = thought('Which dentist should I pick?', 6, { type: 'question' });
    const fresh = thought('What about a sabbatical?', 0.5, { type: 'question' });
    const later = [thought('Picked the dentist on Main Street, booked', 2), thought('Groceries', 1)];
    const { findings } = offlineCheck(
      input({ recentQuestions: [open, answered, fresh], thoughtsAfter: (createdAt) => later.filter((item) => item.createdAt > createdAt) }),
    );
    expect(findings.filter((finding) => finding.topic === 'open_question').map((finding) => finding.evidence)).toEqual([[open.id]]);
  });

  it('sees a capture streak and a recent gap by local day', () => {
    const days = ['2026-11-10', '2026-11-11', '2026-11-20', '2026-11-28', '2026-11-29', '2026-11-30'].map((day, i) => ({
      day,
      count: 2,
      firstThoughtId: `F${i}`,
      lastThoughtId: `L${i}`,
    }));
    const { findings } = offlineCheck(input({ captureDays: days }));
    expect(findings.find((finding) => finding.topic === 'streak')).toMatchObject({ title: '3 days in a row', evidence: ['L5', 'L4', 'L3'] });
    expect(findings.find((finding) => finding.topic === 'gap')).toMatchObject({ title: '7 quiet days', evidence: ['L2', 'F3'] });
  });

  it('says nothing it cannot back: no thoughts, no tasks, no days → no findings', () => {
    expect(offlineCheck(input({})).findings).toEqual([]);
  });
});
