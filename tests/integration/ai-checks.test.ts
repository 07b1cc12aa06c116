import { afterEach, describe, expect, it } from 'vitest';
import { call, callFailing } from '../helpers/call';
import { createCore } from '../../src-main/core/create-core';
import { silentLogger } from '../../src-main/core/logger';
import { createAiRig, labelsIn, promptOf, runCheck, type AiTestRig } from '../helpers/ai-core';
import { MIGRATIONS } from '../helpers/test-core';

let rig: AiTestRig;
afterEach(async () => {
  await rig?.cleanup();
});

async function capture(text: string, isPrivate = false) {
  return call(rig.core, 'thoughts.capture', { text, isPrivate });
}

async function order(aiProviders: ('ollama' | 'claude' | 'offline')[]) {
  await call(rig.core, 'settings.update', { patch: { aiProviders } });
}

describe('a consciousness check on Ollama', () => {
  it('stores insights with their evidence, logs the request without its content, and offers the tasks it found', async () => {
    rig = await createAiRig();
    const first = await capture('Slept badly again, woke up at 4am');
    const second = await capture('Tired all day, need more sleep');
    await capture('Idea: a bedtime alarm');
    const run = await runCheck(rig.core);

    expect(run).toMatchObject({ status: 'succeeded', provider: 'ollama', model: 'llama3.2:latest', inputCount: 3, sentCount: 3, error: null });
    expect(run.requests).toHaveLength(1);
    expect(run.requests[0]).toMatchObject({ provider: 'ollama', purpose: 'check', remote: false, thoughtCount: 3, status: 'ok' });
    expect(run.tokensIn).toBeGreaterThan(0);

    const insights = await call(rig.core, 'insights.list', { runId: run.id });
    expect(insights.items.map((insight) => insight.title).sort()).toEqual(['Sleep keeps coming up', 'Try a fixed bedtime']);
    const pattern = insights.items.find((insight) => insight.kind === 'pattern');
    expect(pattern?.evidence.map((item) => item.thoughtId)).toEqual([first.id, second.id]);
    expect(pattern?.provider).toBe('ollama');
    expect(insights.items.find((insight) => insight.kind === 'suggestion')?.proposedTask).toEqual({ title: 'Set a fixed bedtime', dueAt: null });

    const suggestions = await call(rig.core, 'suggestions.list', { thoughtId: first.id });
    expect(suggestions.items.map((item) => item.title)).toContain('Book a doctor appointment');
    // A new tag the model gave two thoughts is suggested (as Cairn's, for the person to accept); the invalid one is not.
    expect((await call(rig.core, 'thoughts.get', { id: second.id })).tags).toEqual([{ name: 'sleep', kind: 'auto' }]);

    // The prompt carried the thoughts; the log did not keep them.
    expect(promptOf(rig.ollama.chats()[0]!)).toContain('Slept badly again');
    const logged = JSON.stringify(rig.core.db.sqlite.prepare('SELECT * FROM ai_requests').all());
    expect(logged).not.toContain('Slept badly');
    expect(rig.ollama.chats()[0]!.body).toMatchObject({ model: 'llama3.2:latest', stream: true, keep_alive: '10m', options: { num_ctx: 8192 } });
  });

  it('merges the tasks it finds with the offline ones: no duplicate, the first confidence kept', async () => {
    rig = await createAiRig();
    const thought = await capture('Book a doctor appointment, sleep is bad');
    rig.core.suggestions.offer(thought.id, [{ title: 'Book a doctor appointment', dueAt: null, hasTime: false, confidence: 0.55 }], {
      mode: 'suggest',
      autoCreateThreshold: 0.85,
    });
    await runCheck(rig.core);
    const suggestions = (await call(rig.core, 'suggestions.list', { thoughtId: thought.id })).items;
    expect(suggestions.map((item) => [item.title, item.confidence])).toEqual([['Book a doctor appointment', 0.55]]);
  });

  it('does not retry a missing model: it says which `ollama pull` to run, and falls back to offline', async () => {
    rig = await createAiRig();
    await capture('Plan the garden');
    rig.ollama.fail('model_missing', 5);
    const run = await runCheck(rig.core);
    expect(run).toMatchObject({ status: 'succeeded', provider: 'offline' });
    expect(rig.ollama.chats()).toHaveLength(1);
    expect(run.notes.join('\n')).toContain('Ollama has no model "llama3.2:latest". Run `ollama pull llama3.2:latest`');

    await order(['ollama']);
    rig.core.clock.advance(60_000);
    await capture('Plan the garden, part two');
    const failed = await runCheck(rig.core);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('provider_model_missing');
    expect(failed.error?.hint).toContain('ollama pull llama3.2:latest');
  });

  it('retries a failing server at most three times with growing, jittered waits, then falls back', async () => {
    rig = await createAiRig();
    await capture('Write the report');
    rig.ollama.fail('server_error', 3);
    const run = await runCheck(rig.core);
    expect(rig.ollama.chats()).toHaveLength(3);
    expect(rig.waits).toEqual([750, 1500]);
    expect(run).toMatchObject({ status: 'succeeded', provider: 'offline' });
    expect(run.requests.map((request) => request.errorCode)).toEqual(['provider_overloaded', 'provider_overloaded', 'provider_overloaded']);
  });

  it('gives up on a request that hangs at its deadline, and the run does not stay stuck', async () => {
    rig = await createAiRig({ ai: { timeoutMs: 300, sleep: async () => {}, random: () => 0.5 } });
    await capture('Call the bank');
    rig.ollama.fail('hang', 3);
    const run = await runCheck(rig.core);
    expect(run).toMatchObject({ status: 'succeeded', provider: 'offline' });
    expect(run.requests.map((request) => [request.status, request.errorCode])).toEqual([
      ['failed', 'provider_timeout'],
      ['failed', 'provider_timeout'],
      ['failed', 'provider_timeout'],
    ]);
  });

  it('survives a stream cut mid-way, an error line inside the stream and a garbage line', async () => {
    rig = await createAiRig();
    await capture('Sleep is bad lately');
    await capture('Need to sleep earlier');
    rig.ollama.fail('cut_stream');
    rig.ollama.fail('in_stream_error');
    rig.ollama.fail('garbage_line');
    const run = await runCheck(rig.core);
    expect(run).toMatchObject({ status: 'succeeded', provider: 'ollama' });
    expect(run.requests.map((request) => request.errorCode)).toEqual(['provider_unreachable', 'provider_overloaded', null]);
    expect(run.insightCount).toBe(2);
  });

  it('gives invalid output one repair attempt, then fails with provider_bad_output and stores nothing', async () => {
    rig = await createAiRig();
    await order(['ollama']);
    await capture('Think about the move');
    rig.ollama.fail('malformed_json');
    rig.ollama.fail('wrong_schema');
    const run = await runCheck(rig.core);
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('provider_bad_output');
    expect(run.requests.map((request) => request.purpose)).toEqual(['check', 'check.repair']);
    expect(promptOf(rig.ollama.chats()[1]!)).toContain('could not be used');
    expect((await call(rig.core, 'insights.list', {})).items).toEqual([]);

    rig.ollama.fail('malformed_json');
    rig.core.clock.advance(60_000);
    await capture('Think about the move, again');
    const repaired = await runCheck(rig.core);
    expect(repaired).toMatchObject({ status: 'succeeded', provider: 'ollama', insightCount: 2 });
  });

  it('drops insights that cite no thought of the check and tasks for unknown thoughts', async () => {
    rig = await createAiRig();
    await capture('Garden: plant tomatoes');
    rig.ollama.answer = () =>
      JSON.stringify({
        insights: [{ kind: 'insight', title: 'Invented', body: 'No evidence here', evidence: ['T99'] }],
        tasks: [{ thought: 'T42', title: 'Ghost task', due: '2030-01-01', confidence: 0.9 }],
      });
    const run = await runCheck(rig.core);
    expect(run).toMatchObject({ status: 'succeeded', insightCount: 0 });
    expect(run.notes.join(' ')).toMatch(/1 insight citing no thought.*dropped/);
    expect(run.notes.join(' ')).toMatch(/1 task naming an unknown thought was dropped/);
  });

  it('opens the breaker after three failed runs, fails fast while open, and probes again after a minute', async () => {
    rig = await createAiRig();
    rig.ollama.fail('server_error', 9);
    for (let i = 0; i < 3; i += 1) {
      rig.core.clock.advance(1_000);
      await capture(`Fix the bike, take ${i}`);
      expect((await runCheck(rig.core)).provider).toBe('offline');
    }
    expect(rig.ollama.chats()).toHaveLength(9);
    rig.core.clock.advance(1_000);
    await capture('Fix the bike, take 4');
    const resting = await runCheck(rig.core);
    expect(rig.ollama.chats()).toHaveLength(9);
    expect(resting.provider).toBe('offline');
    expect(resting.notes.join(' ')).toMatch(/Ollama failed several times in a row; Cairn is resting it for another \d+ s\./);
    expect((await call(rig.core, 'ai.status', {})).providers.find((provider) => provider.id === 'ollama')?.state).toBe('ok');

    rig.ollama.fail('server_error', 9);
    // ai.status above succeeded and closed the breaker; fail it open again with three runs.
    for (let i = 0; i < 3; i += 1) {
      rig.core.clock.advance(1_000);
      await capture(`Still the bike, take ${i}`);
      await runCheck(rig.core);
    }
    expect(rig.ollama.chats()).toHaveLength(18);
    rig.core.clock.advance(61_000);
    await capture('Fix the bike, really');
    const probe = await runCheck(rig.core);
    expect(probe.provider).toBe('ollama');
  });
});

describe('fallback to Claude, and privacy', () => {
  it('falls back to Claude when Ollama is unreachable and never sends a private thought to it', async () => {
    rig = await createAiRig();
    await call(rig.core, 'settings.update', { patch: { ollamaHost: 'http://127.0.0.1:9', aiProviders: ['ollama', 'claude', 'offline'] } });
    await capture('Meeting with Sam about the budget');
    await capture('My diagnosis came back, keep this to myself', true);
    const run = await runCheck(rig.core);
    expect(run).toMatchObject({ status: 'succeeded', provider: 'claude', model: 'claude-sonnet-5-5', inputCount: 2, sentCount: 1 });
    expect(run.notes.join(' ')).toContain('1 private thought was not sent to Claude');
    expect(run.notes.join(' ')).toContain('Ollama is not reachable at http://127.0.0.1:9');
    expect(run.notes.join(' ')).toContain('Start Ollama (`ollama serve`) or correct the address in Settings → AI.');
    expect(run.requests).toEqual([expect.objectContaining({ provider: 'claude', remote: true, thoughtCount: 1 })]);
    expect(run.costUsd).toBeGreaterThan(0);
    const sent = rig.anthropic.messages().map((request) => request.raw).join('\n');
    expect(sent).toContain('Meeting with Sam');
    expect(sent).not.toContain('diagnosis');
    expect(rig.anthropic.messages()[0]!.body).toMatchObject({ tool_choice: { type: 'tool', name: 'consciousness_check' } });
  });

  it('honours Retry-After on 429, retries 529 with backoff, and never retries a spend-limit 429', async () => {
    rig = await createAiRig();
    await order(['claude', 'offline']);
    await capture('Draft the newsletter');
    rig.anthropic.retryAfterSeconds = 7;
    rig.anthropic.fail('rate_limited');
    rig.anthropic.fail('overloaded');
    const run = await runCheck(rig.core);
    expect(run.provider).toBe('claude');
    expect(rig.waits).toEqual([7_000, 1_500]);
    expect(run.requests.map((request) => request.errorCode)).toEqual(['provider_rate_limited', 'provider_overloaded', null]);

    await order(['claude']);
    rig.core.clock.advance(60_000);
    await capture('Another thought');
    rig.anthropic.fail('spend_limit', 3);
    const limited = await runCheck(rig.core);
    expect(limited.status).toBe('failed');
    expect(limited.error?.code).toBe('provider_spend_limit');
    expect(limited.requests).toHaveLength(1);
  });

  it('reports a refused key and a malformed response in plain words', async () => {
    rig = await createAiRig();
    await order(['claude']);
    await capture('Something to reflect on');
    rig.anthropic.fail('auth');
    const refused = await runCheck(rig.core);
    expect(refused.error).toMatchObject({ code: 'provider_auth', hint: expect.stringContaining('Settings → AI') });

    rig.anthropic.fail('malformed_json', 3);
    rig.core.clock.advance(60_000);
    await capture('Something else to reflect on');
    const garbled = await runCheck(rig.core);
    expect(garbled.status).toBe('failed');
    expect(garbled.requests).toHaveLength(3);
  });
});

describe('running, listing and cancelling checks', () => {
  it('never runs two at once, and a cancelled run stores nothing', async () => {
    rig = await createAiRig();
    await order(['ollama']);
    await capture('A thought');
    rig.ollama.fail('hang');
    const first = await call(rig.core, 'checks.runNow', {});
    const second = await call(rig.core, 'checks.runNow', {});
    expect(second).toEqual({ runId: first.runId, alreadyRunning: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cancelled = await call(rig.core, 'checks.cancel', { id: first.runId });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.requests.map((request) => request.status)).toEqual(['cancelled']);
    expect((await call(rig.core, 'insights.list', {})).items).toEqual([]);
    expect((await callFailing(rig.core, 'checks.cancel', { id: first.runId })).code).toBe('invalid_state');

    const list = await call(rig.core, 'checks.list', {});
    expect(list.items.map((run) => run.id)).toEqual([first.runId]);
    expect(list.schedule).toMatchObject({ enabled: true, intervalMinutes: 45, runningId: null });
  });

  it('closes a run a crash left "running" when Cairn starts again', async () => {
    rig = await createAiRig();
    await capture('A thought');
    const run = await runCheck(rig.core);
    // As if the process died mid-check: the row still says running.
    rig.core.db.sqlite.prepare("UPDATE check_runs SET status = 'running', finished_at = NULL WHERE id = ?").run(run.id);
    await rig.core.dispose();
    const reopened = createCore({ dataDir: rig.core.dataDir, migrationsFolder: MIGRATIONS, version: 'test', logger: silentLogger, runJobs: false, runChecks: true });
    try {
      const after = await call(reopened, 'checks.get', { id: run.id });
      expect(after.status).toBe('cancelled');
      expect(after.notes).toContain('Cairn closed during this check; nothing of it was stored.');
      // A process that does not run checks (the CLI) leaves a running check alone.
      reopened.db.sqlite.prepare("UPDATE check_runs SET status = 'running', finished_at = NULL WHERE id = ?").run(run.id);
    } finally {
      await reopened.dispose();
    }
    const cli = createCore({ dataDir: rig.core.dataDir, migrationsFolder: MIGRATIONS, version: 'test', logger: silentLogger, runJobs: false });
    try {
      expect((await call(cli, 'checks.get', { id: run.id })).status).toBe('running');
      expect((await callFailing(cli, 'checks.runNow', {})).code).toBe('invalid_state');
    } finally {
      await cli.dispose();
    }
  });

  it('answers bad input with stable codes', async () => {
    rig = await createAiRig();
    expect((await callFailing(rig.core, 'checks.get', { id: 'nope' })).code).toBe('invalid_input');
    expect((await callFailing(rig.core, 'checks.get', { id: '01JAAAAAAAAAAAAAAAAAAAAAAA' })).code).toBe('not_found');
    expect((await callFailing(rig.core, 'checks.list', { cursor: 'garbage' })).code).toBe('invalid_input');
    expect((await callFailing(rig.core, 'insights.pin', { id: '01JAAAAAAAAAAAAAAAAAAAAAAA', pinned: true })).code).toBe('not_found');
    expect((await callFailing(rig.core, 'settings.update', { patch: { aiProviders: [] } })).code).toBe('invalid_input');
    expect((await callFailing(rig.core, 'settings.update', { patch: { aiProviders: ['ollama', 'ollama'] } })).code).toBe('invalid_input');
    expect((await callFailing(rig.core, 'settings.update', { patch: { ollamaHost: 'file:///etc/passwd' } })).code).toBe('invalid_input');
    expect((await callFailing(rig.core, 'ai.setKey', { provider: 'claude', key: 'short' })).code).toBe('invalid_input');
  });
});

describe('insights', () => {
  it('can be pinned, dismissed (and not raised again) or turned into a task; unpinned ones go after 30 days', async () => {
    rig = await createAiRig();
    await order(['offline']);
    const question = await call(rig.core, 'thoughts.capture', { text: 'Should I switch teams?', type: 'question' });
    rig.core.clock.advance(24 * 3_600_000);
    await capture('Groceries: milk, eggs');
    rig.core.clock.advance(24 * 3_600_000);
    await capture('Laundry day');
    const run = await runCheck(rig.core);
    const streak = (await call(rig.core, 'insights.list', { runId: run.id })).items.find((insight) => insight.topic === 'streak');
    expect(streak).toMatchObject({ kind: 'pattern', title: '3 days in a row' });
    const open = (await call(rig.core, 'insights.list', { runId: run.id })).items.find((insight) => insight.topic === 'open_question');
    expect(open).toMatchObject({ kind: 'insight', provider: 'offline', title: 'Still open: Should I switch teams?' });
    expect(open?.evidence).toEqual([{ thoughtId: question.id, excerpt: 'Should I switch teams?' }]);

    const pinned = await call(rig.core, 'insights.pin', { id: open!.id, pinned: true });
    expect(pinned.pinned).toBe(true);
    const { insight, task } = await call(rig.core, 'insights.toTask', { id: open!.id, title: 'Decide about the team switch' });
    expect(task).toMatchObject({ title: 'Decide about the team switch', sourceThoughtId: question.id });
    expect(insight.taskId).toBe(task.id);
    expect((await callFailing(rig.core, 'insights.toTask', { id: open!.id })).code).toBe('invalid_state');

    // The same finding is not raised again while it stands.
    await capture('More groceries');
    rig.core.clock.advance(60_000);
    const again = await runCheck(rig.core);
    const repeated = (await call(rig.core, 'insights.list', { runId: again.id })).items.filter((item) => item.topic === 'open_question');
    expect(repeated).toEqual([]);

    // Thirty days on, the unpinned ones are gone and the pinned one stays.
    const others = (await call(rig.core, 'insights.list', {})).items.filter((item) => !item.pinned);
    expect(others.map((item) => item.id)).toContain(streak!.id);
    rig.core.clock.advance(31 * 24 * 3_600_000);
    await capture('A month later');
    await runCheck(rig.core);
    const remaining = (await call(rig.core, 'insights.list', { limit: 100 })).items.map((item) => item.id);
    expect(remaining).toContain(open!.id);
    for (const other of others) expect(remaining).not.toContain(other.id);

    const dismissed = await call(rig.core, 'insights.dismiss', { id: open!.id });
    expect(dismissed).toMatchObject({ dismissed: true, pinned: false });
    expect((await call(rig.core, 'insights.list', { filter: 'dismissed' })).items.map((item) => item.id)).toEqual([open!.id]);
  });
});

describe('Settings → AI', () => {
  it('reports live health with a fix-it hint, keeps the key write-only, and previews exactly what a check sends', async () => {
    rig = await createAiRig();
    await call(rig.core, 'settings.update', { patch: { aiProviders: ['claude', 'ollama', 'offline'], ollamaModel: 'mistral' } });
    const status = await call(rig.core, 'ai.status', {});
    const ollama = status.providers.find((provider) => provider.id === 'ollama');
    expect(ollama).toMatchObject({ state: 'down', code: 'provider_model_missing', models: ['llama3.2:latest'] });
    expect(ollama?.hint).toContain('ollama pull mistral');
    const claude = status.providers.find((provider) => provider.id === 'claude');
    expect(claude).toMatchObject({ state: 'ok', remote: true, keySet: true, keyStorage: { backend: 'file', warning: null } });
    expect(JSON.stringify(status)).not.toContain('sk-ant');

    const cleared = await call(rig.core, 'ai.clearKey', { provider: 'claude' });
    expect(cleared).toMatchObject({ state: 'not_configured', keySet: false });
    const set = await call(rig.core, 'ai.setKey', { provider: 'claude', key: 'sk-ant-api03-fake-key-for-tests-only-0000000000' });
    expect(set).toMatchObject({ state: 'ok', keySet: true });
    expect(JSON.stringify(rig.core.db.sqlite.prepare('SELECT * FROM settings').all())).not.toContain('sk-ant');

    await capture('Lunch with Ana on Friday');
    await capture('Therapy notes: private', true);
    const preview = await call(rig.core, 'ai.preview', {});
    expect(preview).toMatchObject({ provider: 'claude', remote: true, thoughtCount: 1, privateExcluded: 1 });
    expect(preview.prompt).toContain('Lunch with Ana');
    expect(preview.prompt).not.toContain('Therapy');
    expect(labelsIn(preview.prompt)).toEqual(['T1']);

    await call(rig.core, 'settings.update', { patch: { aiProviders: ['claude', 'offline'] } });
    const run = await runCheck(rig.core);
    const sent = promptOf(rig.anthropic.messages().at(-1)!);
    expect(sent).toBe(preview.prompt);
    expect(run.provider).toBe('claude');
  });
});
