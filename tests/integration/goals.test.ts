import { afterEach, describe, expect, it } from 'vitest';
import { call, callFailing } from '../helpers/call';
import { createAiRig, promptOf, type AiTestRig } from '../helpers/ai-core';

let rig: AiTestRig;
afterEach(async () => {
  await rig?.cleanup();
});

const TARGET = '2026-06-01T00:00:00.000Z';

describe('goals', () => {
  it('decomposes offline into a reviewed plan whose accepted steps become the goal’s tasks, with progress', async () => {
    rig = await createAiRig();
    await call(rig.core, 'settings.update', { patch: { aiProviders: ['offline'] } });
    await call(rig.core, 'thoughts.capture', { text: 'Buy proper running shoes for the marathon', type: 'task' });
    const goal = await call(rig.core, 'goals.create', { title: 'Run a marathon', lifeArea: 'Health', targetDate: TARGET });
    expect(goal).toMatchObject({ status: 'active', lifeArea: 'Health', progress: { done: 0, total: 0, ratio: 0 } });

    const plan = await call(rig.core, 'goals.decompose', { id: goal.id });
    expect(plan).toMatchObject({ status: 'draft', provider: 'offline' });
    expect(plan.notes).toContain('"fitness" template');
    expect(plan.steps[1]?.title).toBe('Buy proper running shoes for the marathon');
    expect(plan.steps.every((step) => step.estimateMinutes !== null && step.dueAt !== null)).toBe(true);
    expect(plan.steps.at(-1)?.dueAt).toBe(TARGET);

    const edited = [{ ...plan.steps[0]!, title: 'Measure my 5k time' }, ...plan.steps.slice(2, 4)];
    const { goal: planned, tasks } = await call(rig.core, 'goals.acceptPlan', { planId: plan.id, steps: edited });
    expect(tasks.map((task) => task.title)).toEqual(['Measure my 5k time', plan.steps[2]!.title, plan.steps[3]!.title]);
    expect(tasks.every((task) => task.goalId === goal.id && task.estimateMinutes !== null)).toBe(true);
    expect(planned.progress).toEqual({ done: 0, total: 3, ratio: 0 });
    expect((await callFailing(rig.core, 'goals.acceptPlan', { planId: plan.id, steps: edited })).code).toBe('invalid_state');

    await call(rig.core, 'tasks.update', { id: tasks[0]!.id, patch: { status: 'done' } });
    const after = await call(rig.core, 'goals.get', { id: goal.id });
    expect(after.goal.progress).toEqual({ done: 1, total: 3, ratio: 1 / 3 });
    expect(after.draftPlan).toBeNull();
    expect(after.tasks[0]).toMatchObject({ status: 'done', completedAt: expect.any(String) });
  });

  it('asks Ollama for the plan with the goal and the related thoughts, and falls back when the answer is unusable', async () => {
    rig = await createAiRig();
    await call(rig.core, 'thoughts.capture', { text: 'Spanish: practise the subjunctive with Lucia' });
    const goal = await call(rig.core, 'goals.create', { title: 'Speak Spanish', description: 'Conversational by summer' });
    rig.ollama.answer = () =>
      JSON.stringify({
        steps: [
          { title: 'Book a weekly tutor', estimateMinutes: 30, notes: '', due: null },
          { title: 'Practise the subjunctive with Lucia', estimateMinutes: 60, notes: 'From your notes', due: '2026-04-01' },
        ],
      });
    const plan = await call(rig.core, 'goals.decompose', { id: goal.id });
    expect(plan).toMatchObject({ provider: 'ollama', steps: [{ title: 'Book a weekly tutor', estimateMinutes: 30, dueAt: null }, { dueAt: expect.stringMatching(/^2026-04-01T/) }] });
    const prompt = promptOf(rig.ollama.chats().at(-1)!);
    expect(prompt).toContain('Goal: Speak Spanish');
    expect(prompt).toContain('T1 Spanish: practise the subjunctive');
    expect(rig.ollama.chats().at(-1)!.body).toMatchObject({ format: { type: 'object' } });

    rig.ollama.fail('wrong_schema', 2);
    const fallback = await call(rig.core, 'goals.decompose', { id: goal.id });
    expect(fallback.provider).toBe('offline');
    expect(fallback.notes).toContain('answered twice with unusable output');
    // A new draft replaces the old one.
    expect((await call(rig.core, 'goals.get', { id: goal.id })).draftPlan?.id).toBe(fallback.id);
    expect((await callFailing(rig.core, 'goals.acceptPlan', { planId: plan.id, steps: [{ title: 'x', estimateMinutes: 5 }] })).code).toBe('invalid_state');
  });

  it('suggests related thoughts, which can be linked or dismissed', async () => {
    rig = await createAiRig();
    const related = await call(rig.core, 'thoughts.capture', { text: 'Garden: the tomatoes need more sun' });
    const other = await call(rig.core, 'thoughts.capture', { text: 'Garden: compost is ready' });
    await call(rig.core, 'thoughts.capture', { text: 'Call the bank about the mortgage' });
    const goal = await call(rig.core, 'goals.create', { title: 'Grow our own vegetables in the garden' });
    const first = await call(rig.core, 'goals.get', { id: goal.id });
    expect(first.thoughts.map((link) => [link.thoughtId, link.status]).sort()).toEqual([
      [related.id, 'suggested'],
      [other.id, 'suggested'],
    ].sort());
    await call(rig.core, 'goals.linkThought', { goalId: goal.id, thoughtId: related.id, status: 'linked' });
    await call(rig.core, 'goals.linkThought', { goalId: goal.id, thoughtId: other.id, status: 'dismissed' });
    const after = await call(rig.core, 'goals.get', { id: goal.id });
    expect(after.thoughts).toEqual([expect.objectContaining({ thoughtId: related.id, status: 'linked' })]);
  });

  it('answers bad input and stale edits with stable codes', async () => {
    rig = await createAiRig();
    const goal = await call(rig.core, 'goals.create', { title: 'Write a book' });
    expect((await callFailing(rig.core, 'goals.create', { title: '   ' })).code).toBe('invalid_input');
    expect((await callFailing(rig.core, 'goals.get', { id: '01JAAAAAAAAAAAAAAAAAAAAAAA' })).code).toBe('not_found');
    expect((await callFailing(rig.core, 'goals.update', { id: goal.id, expectedVersion: 7, patch: { title: 'x' } })).code).toBe('conflict');
    const updated = await call(rig.core, 'goals.update', { id: goal.id, expectedVersion: 1, patch: { lifeArea: 'Craft', status: 'done' } });
    expect(updated).toMatchObject({ lifeArea: 'Craft', status: 'done', version: 2 });
    expect((await call(rig.core, 'goals.list', {})).items).toEqual([]);
    expect((await call(rig.core, 'goals.list', { status: 'all' })).items.map((item) => item.id)).toEqual([goal.id]);
    expect((await callFailing(rig.core, 'goals.linkThought', { goalId: goal.id, thoughtId: '01JAAAAAAAAAAAAAAAAAAAAAAA', status: 'linked' })).code).toBe('not_found');
    expect((await callFailing(rig.core, 'tasks.update', { id: '01JAAAAAAAAAAAAAAAAAAAAAAA', patch: { status: 'done' } })).code).toBe('not_found');
  });
});
