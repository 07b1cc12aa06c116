import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openSignedIn, test } from './fixtures';

const SCREENSHOTS = join(import.meta.dirname, '..', '.output', 'e2e', 'screenshots');

/** Presses Tab until `target` has the keyboard, proving it can be reached without a mouse. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 25 } = {}): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** Opens Tasks from the main tabs with the arrow keys. */
async function openTasksByKeyboard(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Stream' }).focus();
  for (let step = 0; step < 10; step += 1) {
    if (await page.getByRole('tab', { name: 'Tasks', exact: true }).evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByRole('tab', { name: 'Tasks', exact: true })).toHaveAttribute('aria-selected', 'true');
}

function tasks(page: Page): Locator {
  return page.getByRole('list', { name: 'Tasks' });
}

/** The task titles in the list, top to bottom, subtasks indented by two spaces. */
async function titles(page: Page): Promise<string[]> {
  return tasks(page)
    .locator('.task-title')
    .evaluateAll((buttons) => buttons.map((button) => (button.closest('.task-subtasks') === null ? '' : '  ') + (button.textContent ?? '')));
}

function check(page: Page, title: string): Locator {
  return tasks(page).getByRole('checkbox', { name: title, exact: true });
}

/** The line of one task (checkbox, title, meta), without its subtasks. */
function line(page: Page, title: string): Locator {
  return tasks(page).locator('.task-line').filter({ has: page.getByRole('checkbox', { name: title, exact: true }) });
}

function status(page: Page): Locator {
  return page.locator('.task-status');
}

async function expectAccessible(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious, view).toEqual([]);
}

test('tasks by keyboard alone: add, reorder, complete, edit, repeat, subtask, delete', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await openTasksByKeyboard(page);
  await expect(page.getByText(/Nothing due today\. Add a task above/)).toBeVisible();

  const input = page.getByLabel('New task');
  await tabTo(page, input);
  for (const title of ['Buy milk', 'Call mum', 'Pay rent']) {
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await expect(status(page)).toContainText(`Added “${title}”.`);
  }
  await expect(input).toBeFocused();
  await expect.poll(() => titles(page)).toEqual(['Buy milk', 'Call mum', 'Pay rent']);
  await expect(tasks(page).locator('.task-due').first()).toHaveText('Due today');

  // One Tab stop for the whole list; arrows walk it.
  await tabTo(page, check(page, 'Buy milk'));
  await page.keyboard.press('ArrowDown');
  await expect(check(page, 'Call mum')).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(status(page)).toHaveText('Moved “Call mum” up: 1 of 3.');
  await expect(check(page, 'Call mum')).toBeFocused();
  await expect.poll(() => titles(page)).toEqual(['Call mum', 'Buy milk', 'Pay rent']);
  await page.keyboard.press('End');
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => titles(page)).toEqual(['Call mum', 'Pay rent', 'Buy milk']);
  await page.reload();
  await openTasksByKeyboard(page);
  await expect.poll(() => titles(page)).toEqual(['Call mum', 'Pay rent', 'Buy milk']);

  // Space completes and stays put; X opens it again.
  await tabTo(page, check(page, 'Call mum'));
  await page.keyboard.press('Space');
  await expect(check(page, 'Call mum')).toBeChecked();
  await expect(status(page)).toHaveText('Completed “Call mum”.');
  await page.keyboard.press('x');
  await expect(check(page, 'Call mum')).not.toBeChecked();

  // Enter edits: make "Buy milk" repeat every day, with a subtask.
  await page.keyboard.press('End');
  await expect(check(page, 'Buy milk')).toBeFocused();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('form', { name: 'Edit “Buy milk”' });
  await expect(editor.getByLabel('Title')).toBeFocused();
  await tabTo(page, editor.getByLabel('Priority'));
  await editor.getByLabel('Priority').selectOption('3');
  await tabTo(page, editor.getByLabel('Repeats'));
  await editor.getByLabel('Repeats').selectOption('daily');
  await tabTo(page, editor.getByLabel('Add a subtask'));
  await page.keyboard.type('Oat milk too');
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('Added “Oat milk too”.');
  await tabTo(page, editor.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('Saved “Buy milk”.');
  await expect(check(page, 'Buy milk')).toBeFocused();
  const milk = line(page, 'Buy milk').locator('.task-meta');
  await expect(milk).toContainText('High');
  await expect(milk).toContainText('Every day');
  await expect(milk).toContainText('0/1 subtasks');
  await expect.poll(() => titles(page)).toEqual(['Call mum', 'Pay rent', 'Buy milk', '  Oat milk too']);

  // Subtasks: → and ← walk in and out, ← on the parent hides them.
  await page.keyboard.press('ArrowRight');
  await expect(check(page, 'Oat milk too')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(check(page, 'Buy milk')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(check(page, 'Oat milk too')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(check(page, 'Oat milk too')).toBeVisible();

  // Alt+→ puts "Pay rent" under the task above it; Alt+← takes it out again.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(check(page, 'Pay rent')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(status(page)).toHaveText('“Pay rent” is now a subtask of “Call mum”.');
  await expect.poll(() => titles(page)).toEqual(['Call mum', '  Pay rent', 'Buy milk', '  Oat milk too']);
  await expect(check(page, 'Pay rent')).toBeFocused();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(status(page)).toHaveText('“Pay rent” is no longer a subtask.');
  await expect.poll(() => titles(page)).toEqual(['Call mum', 'Pay rent', 'Buy milk', '  Oat milk too']);

  // Completing the repeating task makes tomorrow's, with its subtask fresh.
  await page.keyboard.press('ArrowDown');
  await expect(check(page, 'Buy milk')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(status(page)).toContainText('Completed “Buy milk”. It repeats every day; the next one is in Upcoming.');
  await tabTo(page, page.getByRole('tab', { name: 'Today' }), { backwards: true });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Upcoming' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => titles(page)).toEqual(['Buy milk', '  Oat milk too']);
  await expect(tasks(page).locator('.task-due').first()).toHaveText('Due tomorrow');
  await expect(check(page, 'Oat milk too')).not.toBeChecked();
  await page.keyboard.press('ArrowLeft');

  // Delete asks first; Esc keeps the task, Enter deletes it and focus moves on.
  await tabTo(page, check(page, 'Call mum'));
  await page.keyboard.press('Delete');
  await expect(page.getByText('Delete “Call mum”? This cannot be undone.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(check(page, 'Call mum')).toBeFocused();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('Deleted “Call mum”.');
  await expect(check(page, 'Pay rent')).toBeFocused();
  await expect.poll(() => titles(page)).toEqual(['Pay rent', 'Buy milk', '  Oat milk too']);
});

test('a task dragged with the mouse lands where it is dropped', async ({ page, cairn }) => {
  for (const title of ['First', 'Second', 'Third']) await cairn.call('tasks.create', { title, dueAt: (await cairn.call('tasks.list', { view: 'today' })).today });
  await openSignedIn(page, cairn);
  await page.getByRole('tab', { name: 'Tasks', exact: true }).click();
  await expect.poll(() => titles(page)).toEqual(['First', 'Second', 'Third']);
  await line(page, 'Third').dragTo(line(page, 'First'), { targetPosition: { x: 40, y: 4 } });
  await expect.poll(() => titles(page)).toEqual(['Third', 'First', 'Second']);
  await expect(status(page)).toHaveText('Moved “Third” before “First”.');
  await expect.poll(async () => (await cairn.call('tasks.list', { view: 'today' })).items.map((task) => task.title)).toEqual(['Third', 'First', 'Second']);
});

test('the tasks view in light and dark: screenshots and no serious accessibility violation', async ({ page, cairn }) => {
  const { today } = await cairn.call('tasks.list', { view: 'today' });
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const goal = await cairn.call('goals.create', { title: 'Run a half marathon', lifeArea: 'Health' });
  const review = await cairn.call('tasks.create', { title: 'Weekly review', dueAt: today, priority: 2, recurrence: { kind: 'weekly', days: ['MO', 'TH'] } });
  await cairn.call('tasks.create', { title: 'Empty the inbox', parentId: review.id });
  const done = await cairn.call('tasks.create', { title: 'Plan next week', parentId: review.id });
  await cairn.call('tasks.update', { id: done.id, patch: { status: 'done' } });
  await cairn.call('tasks.create', { title: 'Renew the passport', dueAt: yesterday, priority: 3, notes: 'Photos first' });
  await cairn.call('tasks.create', { title: 'Dentist', dueAt: `${today}T15:30`, priority: 1 });
  await cairn.call('tasks.create', { title: 'Book a long run', dueAt: today, goalId: goal.id });
  const watered = await cairn.call('tasks.create', { title: 'Water the plants', dueAt: today, recurrence: { kind: 'everyNDays', days: 3 } });
  await cairn.call('tasks.update', { id: watered.id, patch: { status: 'done' } });

  await openSignedIn(page, cairn);
  await page.getByRole('tab', { name: 'Tasks', exact: true }).click();
  await expect(check(page, 'Renew the passport')).toBeVisible();
  await expect(tasks(page).locator('.task-overdue')).toHaveText('Overdue: yesterday');
  await check(page, 'Dentist').focus();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SCREENSHOTS, `tasks-${scheme}.png`) });
    await expectAccessible(page, `tasks (${scheme})`);
  }

  await page.keyboard.press('Enter');
  const editor = page.getByRole('form', { name: 'Edit “Dentist”' });
  await editor.getByLabel('Repeats').selectOption('weekly');
  await editor.getByRole('checkbox', { name: 'Thu' }).check();
  await editor.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SCREENSHOTS, `tasks-editor-${scheme}.png`) });
    await expectAccessible(page, `task editor (${scheme})`);
  }

  await page.getByRole('tab', { name: 'By goal' }).click();
  await expect(page.getByLabel('Goal', { exact: true })).toHaveValue(goal.id);
  await expect.poll(() => titles(page)).toEqual(['Book a long run']);
  await expectAccessible(page, 'tasks by goal (dark)');
  await page.getByRole('tab', { name: 'Upcoming' }).click();
  await expect(check(page, 'Water the plants')).toBeVisible();
  await expect(line(page, 'Water the plants')).toContainText('Every 3 days');
  await expectAccessible(page, 'upcoming (dark)');
  await page.getByRole('tab', { name: 'All', exact: true }).click();
  await expect.poll(() => titles(page)).toEqual(['Weekly review', '  Empty the inbox', '  Plan next week', 'Renew the passport', 'Dentist', 'Book a long run', 'Water the plants']);
});
