import type { Page } from '@playwright/test';
import { FAKE_ANTHROPIC_KEY } from '../fakes/anthropic-server';
import { promptOf } from '../helpers/ai-core';
import { aiTest as test } from './ai-fixtures';
import { button, detailPanel, expect, openSignedIn } from './fixtures';
import { shoot } from './view-checks';


function tab(page: Page, name: string) {
  return page.getByRole('tab', { name, exact: true });
}

test('a check on Ollama shows insights with their evidence; pin, make a task, dismiss', async ({ page, cairn, fakes }) => {
  const first = await cairn.call('thoughts.capture', { text: 'Slept badly again, woke up at 4am' });
  await cairn.call('thoughts.capture', { text: 'Tired all day, need more sleep' });
  await openSignedIn(page, cairn);
  await tab(page, 'Insights').click();
  await expect(page.getByText(/No insights yet/)).toBeVisible();
  await button(page, 'Check now').click();

  const insights = page.getByRole('list', { name: 'Insights' });
  const pattern = insights.getByRole('listitem').filter({ hasText: 'Sleep keeps coming up' });
  await expect(pattern).toBeVisible();
  await expect(page.getByText('Ran on this computer with Ollama (llama3.2:latest): nothing left it.')).toBeVisible();
  expect(promptOf(fakes.ollama.chats()[0]!)).toContain('Slept badly again');

  await pattern.getByText('Based on 2 thoughts').click();
  await button(pattern, 'Pin').click();
  await expect(pattern.getByText('· pinned')).toBeVisible();
  const suggestion = insights.getByRole('listitem').filter({ hasText: 'Try a fixed bedtime' });
  await button(suggestion, 'Make task').click();
  await expect(page.getByText('Added “Set a fixed bedtime” to your tasks.')).toBeVisible();
  await expect(suggestion.getByText('Task made')).toBeVisible();
  await button(suggestion, 'Dismiss').click();
  await expect(suggestion).toHaveCount(0);

  await pattern.getByRole('link', { name: first.text }).click();
  await expect(detailPanel(page)).toBeVisible();
});

test('a failing backend says what is wrong and what to do', async ({ page, cairn, fakes }) => {
  await cairn.call('settings.update', { patch: { aiProviders: ['ollama'] } });
  await cairn.call('thoughts.capture', { text: 'Plan the garden' });
  fakes.ollama.fail('model_missing', 3);
  await openSignedIn(page, cairn);
  await tab(page, 'Insights').click();
  await button(page, 'Check now').click();
  const summary = page.getByRole('region', { name: 'Latest check' });
  await expect(summary.getByRole('alert')).toContainText('Ollama has no model "llama3.2:latest".');
  await expect(summary.getByRole('alert')).toContainText('Run `ollama pull llama3.2:latest`');
  await expect(summary).toContainText('Failed');
});

test('Settings → AI: live health with a fix-it hint, a write-only key, the order, and a preview of what is sent', async ({ page, cairn, fakes }) => {
  await cairn.call('thoughts.capture', { text: 'Lunch with Ana on Friday' });
  await cairn.call('thoughts.capture', { text: 'Therapy notes, just for me', isPrivate: true });
  await openSignedIn(page, cairn);
  await tab(page, 'Settings').click();
  const backends = page.getByRole('list', { name: 'AI backends' });
  const ollama = backends.getByRole('listitem').filter({ hasText: 'Ollama (on this computer)' });
  await expect(ollama).toContainText('Working');
  await ollama.getByLabel('Model').selectOption('llama3.2:latest');
  fakes.ollama.models = ['mistral:latest'];
  await button(page, 'Check again').click();
  await expect(ollama).toContainText('Not working');
  await expect(ollama).toContainText('Run `ollama pull llama3.2:latest`');
  fakes.ollama.models = ['llama3.2:latest'];

  const claude = backends.getByRole('listitem').filter({ hasText: 'Claude (Anthropic' });
  await claude.getByRole('checkbox').check();
  await expect(claude).toContainText('Not set up');
  await claude.getByLabel('API key').fill(FAKE_ANTHROPIC_KEY);
  await button(claude, 'Save key').click();
  await expect(page.getByText('Key saved. It is never shown again.')).toBeVisible();
  await expect(claude).toContainText('Working');
  await expect(claude.getByLabel('Replace API key')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText(FAKE_ANTHROPIC_KEY);

  await button(claude, 'Up (claude)').click();
  await expect(page.getByText('Order: claude → ollama → offline.')).toBeVisible();
  await expect(button(claude, 'Up (claude)')).toBeDisabled();
  await shoot(page, 'settings-ai-light');

  await button(page, 'Show exactly what the next check would send').click();
  const preview = page.getByLabel('What the next check would send');
  await expect(preview).toContainText('1 thought to Claude, over the internet');
  await expect(preview).toContainText('1 private left out');
  await expect(preview).toContainText('Lunch with Ana');
  await expect(preview).not.toContainText('Therapy');
});

test('a goal is planned offline, the plan edited and accepted, and progress follows its tasks', async ({ page, cairn }) => {
  await cairn.call('settings.update', { patch: { aiProviders: ['offline'] } });
  await openSignedIn(page, cairn);
  await tab(page, 'Goals').click();
  await expect(page.getByText(/No goals yet/)).toBeVisible();
  const form = page.getByRole('form', { name: 'New goal' });
  await form.getByLabel('Goal').fill('Run a half marathon');
  await form.getByLabel('Life area').fill('Health');
  await form.getByLabel('Goal').press('Enter');
  const detail = page.getByRole('region', { name: 'Goal: Run a half marathon' });
  await expect(detail).toContainText('Health · No target date');
  await button(detail, 'Plan this goal').click();

  const plan = detail.getByRole('region', { name: 'Proposed plan from the offline planner' });
  await expect(plan).toBeVisible();
  const steps = plan.getByRole('listitem');
  const count = await steps.count();
  expect(count).toBeGreaterThanOrEqual(4);
  await plan.getByLabel('Step 1', { exact: true }).fill('Time a 5k run');
  await button(plan, 'Remove step 2').click();
  await button(plan, `Accept ${count - 1} steps`).click();
  await expect(page.getByText(`Added ${count - 1} tasks to this goal.`)).toBeVisible();

  const tasks = detail.getByRole('list', { name: 'Tasks of this goal' });
  await expect(tasks.getByRole('listitem')).toHaveCount(count - 1);
  await expect(detail).toContainText(`0 of ${count - 1} tasks done (0%)`);
  await tasks.getByRole('checkbox', { name: 'Time a 5k run' }).check();
  await expect(detail).toContainText(`1 of ${count - 1} tasks done`);
  await shoot(page, 'goals-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'goals-dark');
});

test('insights view screenshots (light and dark)', async ({ page, cairn }) => {
  await cairn.call('thoughts.capture', { text: 'Slept badly again' });
  await cairn.call('thoughts.capture', { text: 'Need more sleep' });
  const { runId } = await cairn.call('checks.runNow', {});
  await expect.poll(async () => (await cairn.call('checks.get', { id: runId })).status).toBe('succeeded');
  await openSignedIn(page, cairn);
  await tab(page, 'Insights').click();
  await expect(page.getByRole('list', { name: 'Insights' }).getByRole('listitem').first()).toBeVisible();
  await shoot(page, 'insights-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'insights-dark');
  await tab(page, 'Settings').click();
  await expect(page.getByRole('list', { name: 'AI backends' })).toContainText('Working');
  await shoot(page, 'settings-ai-dark');
});
