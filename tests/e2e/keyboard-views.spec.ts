import type { Locator, Page } from '@playwright/test';
import { button, captureBox, detailPanel, expect, openSignedIn, test, thoughtLink, timeline } from './fixtures';
import { inbox, suggestion, suggestionsTab, useNoModel } from './intelligence';

// Each view's main flow with the keyboard alone: Tab, Shift+Tab, arrows, Enter, Space and Esc.
// The API only seeds data and checks the outcome; nothing here is clicked.

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

function mainTab(page: Page, name: string): Locator {
  // The Suggestions tab's name ends with its count ("Suggestions 2 waiting").
  return page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: new RegExp(`^${name}`) });
}

/**
 * Reaches the main tab list (its one Tab stop is the selected tab) and walks it with → until
 * `name` is shown. `from` says which way the tabs are from where the focus is.
 */
async function openView(page: Page, name: string, from: 'Tab' | 'Shift+Tab' = 'Shift+Tab'): Promise<void> {
  await tabTo(page, page.getByRole('tablist', { name: 'Views' }).locator('[aria-selected="true"]'), from);
  const target = mainTab(page, name);
  for (let step = 0; step < 9; step += 1) {
    if ((await target.getAttribute('aria-selected')) === 'true') break;
    await page.keyboard.press('ArrowRight');
  }
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await expect(target).toBeFocused();
}

function status(page: Page): Locator {
  return detailPanel(page).getByRole('status');
}

test('Stream → Archive → Trash by keyboard: archive, unarchive, move to the trash, restore', async ({ page, cairn }) => {
  await cairn.call('thoughts.capture', { text: 'old plan for the kitchen' });
  await cairn.call('thoughts.capture', { text: 'draft letter to the landlord' });
  await openSignedIn(page, cairn);

  // Arrows walk the stream (newest first); Enter opens the focused thought.
  await tabTo(page, thoughtLink(timeline(page), 'draft letter to the landlord'));
  await page.keyboard.press('ArrowDown');
  await expect(thoughtLink(timeline(page), 'old plan for the kitchen')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(detailPanel(page).getByRole('textbox', { name: 'Thought text' })).toHaveValue('old plan for the kitchen');
  await expect(detailPanel(page).getByRole('heading', { name: 'Thought' })).toBeFocused();

  await tabTo(page, button(detailPanel(page), 'Archive'));
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('Archived');
  // The pressed button was disabled while waiting: the keyboard lands on the way back.
  await expect(button(detailPanel(page), 'Unarchive')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(detailPanel(page)).toHaveCount(0);
  await expect(thoughtLink(timeline(page), 'old plan for the kitchen')).toHaveCount(0);
  await expect(captureBox(page)).toBeFocused();

  await openView(page, 'Archive', 'Tab');
  await tabTo(page, thoughtLink(timeline(page), 'old plan for the kitchen'));
  await page.keyboard.press('Enter');
  await tabTo(page, button(detailPanel(page), 'Unarchive'));
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('Back in your stream');
  await expect(button(detailPanel(page), 'Archive')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Nothing archived')).toBeVisible();

  // Back to the stream (← from Archive), and the other thought into the trash.
  await tabTo(page, mainTab(page, 'Archive'));
  await page.keyboard.press('ArrowLeft');
  await expect(mainTab(page, 'Stream')).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, thoughtLink(timeline(page), 'draft letter to the landlord'));
  await page.keyboard.press('Enter');
  await tabTo(page, button(detailPanel(page), 'Move to trash'));
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('Moved to the trash');
  await expect(button(detailPanel(page), 'Restore')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(thoughtLink(timeline(page), 'draft letter to the landlord')).toHaveCount(0);

  await openView(page, 'Trash', 'Tab');
  await tabTo(page, thoughtLink(timeline(page), 'draft letter to the landlord'));
  await page.keyboard.press('Enter');
  await tabTo(page, button(detailPanel(page), 'Restore'));
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('Restored');
  await expect(button(detailPanel(page), 'Move to trash')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByText('The trash is empty.')).toBeVisible();

  const active = await cairn.call('thoughts.list', { view: 'active' });
  expect(active.items.map((item) => item.text).sort()).toEqual(['draft letter to the landlord', 'old plan for the kitchen']);
  expect((await cairn.call('thoughts.list', { view: 'archived' })).items).toHaveLength(0);
  expect((await cairn.call('thoughts.list', { view: 'trash' })).items).toHaveLength(0);
});

test('Suggestions by keyboard: edit then accept, accept as is, dismiss', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  // One at a time, so the inbox (newest first) has a known order.
  const captures = ['Call the dentist tomorrow at 3pm', 'Remember to renew the passport on Friday', 'Buy milk and eggs tomorrow'];
  for (const [index, text] of captures.entries()) {
    await tabTo(page, captureBox(page));
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect(thoughtLink(timeline(page), text)).toBeVisible();
    await expect(suggestionsTab(page)).toHaveAccessibleName(`Suggestions ${index + 1} waiting`);
  }
  const pending = (await cairn.call('suggestions.list', {})).items;
  const titleOf = (words: string) => pending.find((item) => item.thoughtExcerpt.includes(words))?.title ?? '';

  await openView(page, 'Suggestions', 'Tab');
  const dentist = suggestion(inbox(page), 'dentist');
  const passport = suggestion(inbox(page), 'passport');
  const milk = suggestion(inbox(page), 'milk');
  await expect(inbox(page).getByRole('listitem')).toHaveCount(3);

  // Edit, then Enter accepts with the new title.
  await tabTo(page, button(dentist, 'Edit'));
  await page.keyboard.press('Enter');
  await expect(dentist.getByRole('textbox', { name: 'Task title' })).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Call the dentist about the crown');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Added “Call the dentist about the crown” to your tasks.')).toBeVisible();
  await expect(dentist).toHaveCount(0);
  // Focus moves to the card that took its place, not back to the page.
  await expect(button(passport, 'Accept')).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.getByText(`Added “${titleOf('passport')}” to your tasks.`)).toBeVisible();
  await expect(passport).toHaveCount(0);
  await expect(button(milk, 'Accept')).toBeFocused();

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(button(milk, 'Dismiss')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByText(/Cairn will not suggest it again\.$/)).toBeVisible();
  await expect(page.getByText(/Nothing waiting/)).toBeVisible();
  await expect(page.getByText(/^Tasks Cairn noticed in your thoughts/)).toBeFocused();

  const tasks = await cairn.call('tasks.list', { view: 'all' });
  expect(tasks.items.map((task) => task.title).sort()).toEqual(['Call the dentist about the crown', titleOf('passport')].sort());
  const dismissed = await cairn.call('suggestions.list', { status: 'dismissed' });
  expect(dismissed.items.map((item) => item.thoughtExcerpt)).toEqual(['Buy milk and eggs tomorrow']);
  expect((await cairn.call('suggestions.list', {})).items).toHaveLength(0);
});

test('Insights by keyboard: check now offline, pin one, dismiss one, follow the evidence', async ({ page, cairn }) => {
  await cairn.call('settings.update', { patch: { aiProviders: ['offline'] } });
  await useNoModel(cairn);
  const texts = [
    'Poor sleep again after the late coffee',
    'Sleep was better with the window open',
    'Maybe a fixed bedtime helps my sleep',
    'The garden needs water before the heat',
    'Planted tomatoes in the garden today',
    'The garden fence is broken near the shed',
  ];
  for (const text of texts) await cairn.call('thoughts.capture', { text });
  await openSignedIn(page, cairn);

  await openView(page, 'Insights', 'Tab');
  await expect(page.getByText(/No insights yet/)).toBeVisible();
  const checkNow = button(page, 'Check now');
  await tabTo(page, checkNow);
  await page.keyboard.press('Enter');
  const summary = page.getByRole('region', { name: 'Latest check' });
  await expect(summary).toContainText('Done');
  await expect(summary).toContainText('Ran offline: nothing left this computer.');
  await expect(checkNow).toBeFocused();

  const list = page.getByRole('list', { name: 'Insights' });
  const sleep = list.getByRole('listitem').filter({ hasText: /sleep/i });
  const garden = list.getByRole('listitem').filter({ hasText: /garden/i });
  await expect(sleep).toHaveCount(1);
  await expect(garden).toHaveCount(1);

  await tabTo(page, button(sleep, 'Pin'));
  await page.keyboard.press('Enter');
  await expect(sleep.getByText('· pinned')).toBeVisible();
  await expect(button(sleep, 'Unpin')).toBeFocused();

  await tabTo(page, button(garden, 'Dismiss'));
  await page.keyboard.press('Enter');
  await expect(garden).toHaveCount(0);
  await expect(page.locator(':focus')).not.toHaveCount(0);
  await expect(list.locator(':focus')).toHaveCount(1);

  // The evidence opens with Enter on its summary; Enter on a thought opens it.
  const evidence = sleep.locator('summary');
  await tabTo(page, evidence, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const link = sleep.getByRole('link', { name: texts[0] });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(detailPanel(page).getByRole('textbox', { name: 'Thought text' })).toHaveValue(texts[0] ?? '');
  await expect(detailPanel(page).getByRole('heading', { name: 'Thought' })).toBeFocused();

  const insights = await cairn.call('insights.list', { limit: 100 });
  expect(insights.items.filter((item) => item.pinned).map((item) => item.title)).toEqual([expect.stringMatching(/sleep/i)]);
  expect(insights.items.some((item) => /garden/i.test(item.title))).toBe(false);
});

test('Goals by keyboard: create, open, plan offline, edit a step, accept; the tasks show under By goal', async ({ page, cairn }) => {
  await cairn.call('settings.update', { patch: { aiProviders: ['offline'] } });
  await cairn.call('thoughts.capture', { text: 'Signed up for the marathon training group' });
  await cairn.call('thoughts.capture', { text: 'My old marathon shoes are worn out' });
  await openSignedIn(page, cairn);
  await openView(page, 'Goals', 'Tab');
  await expect(page.getByText(/No goals yet/)).toBeVisible();

  const form = page.getByRole('form', { name: 'New goal' });
  await tabTo(page, form.getByLabel('Goal'));
  await page.keyboard.type('Run a half marathon');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Life area')).toBeFocused();
  await page.keyboard.type('Health');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Target date')).toBeFocused();
  await page.keyboard.type('10042031');
  await expect(form.getByLabel('Target date')).toHaveValue('2031-10-04');
  // Chromium's date field has a Tab stop of its own after the year.
  await tabTo(page, button(form, 'Add goal'));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Added the goal “Run a half marathon”.')).toBeVisible();
  // Ready for the next goal, as after adding a task.
  await expect(form.getByLabel('Goal')).toBeFocused();
  const [goal] = (await cairn.call('goals.list', { status: 'active' })).items;
  expect(goal).toMatchObject({ title: 'Run a half marathon', lifeArea: 'Health' });
  expect(new Date(goal?.targetDate ?? '').getDate()).toBe(4);

  // The new goal opened by itself; Enter on its row closes it and opens it again.
  const row = page.getByRole('list', { name: 'Goals' }).getByRole('button', { name: /Run a half marathon/ });
  const detail = page.getByRole('region', { name: 'Goal: Run a half marathon' });
  await expect(detail).toContainText('Health · By');
  await tabTo(page, row);
  await page.keyboard.press('Enter');
  await expect(detail).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(detail).toBeVisible();
  await expect(row).toBeFocused();

  await tabTo(page, button(detail, 'Plan this goal'));
  await page.keyboard.press('Enter');
  const plan = detail.getByRole('region', { name: 'Proposed plan from the offline planner' });
  await expect(plan).toBeVisible();
  await expect(plan.getByRole('heading', { name: 'Proposed plan from the offline planner' })).toBeFocused();
  const count = await plan.getByRole('listitem').count();
  expect(count).toBeGreaterThanOrEqual(2);

  const firstStep = plan.getByLabel('Step 1', { exact: true });
  await tabTo(page, firstStep);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Time a 5k run');
  // Removing the last step leaves the keyboard on the step before it.
  await tabTo(page, button(plan, `Remove step ${count}`));
  await page.keyboard.press('Enter');
  await expect(plan.getByRole('listitem')).toHaveCount(count - 1);
  await expect(button(plan, `Remove step ${count - 1}`)).toBeFocused();
  const kept = count - 1;
  await tabTo(page, button(plan, kept === 1 ? 'Accept 1 step' : `Accept ${kept} steps`));
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Added ${kept} task${kept === 1 ? '' : 's'} to this goal.`)).toBeVisible();
  await expect(plan).toHaveCount(0);
  await expect(button(detail, 'Plan more steps')).toBeFocused();
  const goalTasks = detail.getByRole('list', { name: 'Tasks of this goal' }).getByRole('listitem');
  await expect(goalTasks).toHaveCount(kept);

  // Related thoughts: Link keeps the keyboard on that thought; Not related moves it on.
  const related = detail.getByRole('region', { name: 'Related thoughts' });
  const training = related.getByRole('listitem').filter({ hasText: 'training group' });
  await tabTo(page, button(training, 'Link'));
  await page.keyboard.press('Enter');
  await expect(training).toContainText('Linked');
  await expect(training.getByRole('link')).toBeFocused();
  const shoes = related.getByRole('listitem').filter({ hasText: 'shoes' });
  await tabTo(page, button(shoes, 'Not related'));
  await page.keyboard.press('Enter');
  await expect(shoes).toHaveCount(0);
  await expect(page.locator(':focus')).toHaveCount(1);
  await expect(page.locator('body')).not.toBeFocused();
  await expect(goalTasks.first()).toContainText('Time a 5k run');

  // Tasks is two tabs to the left of Goals; its lists are tabs too.
  await tabTo(page, mainTab(page, 'Goals'), 'Shift+Tab');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(mainTab(page, 'Tasks')).toHaveAttribute('aria-selected', 'true');
  const segments = page.getByRole('tablist', { name: 'Task lists' });
  await tabTo(page, segments.locator('[aria-selected="true"]'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(segments.getByRole('tab', { name: 'By goal' })).toHaveAttribute('aria-selected', 'true');
  await expect(segments.getByRole('tab', { name: 'By goal' })).toBeFocused();
  await expect(page.getByLabel('Goal', { exact: true })).toHaveValue(goal?.id ?? '');
  const taskList = page.getByRole('list', { name: 'Tasks' });
  await expect(taskList.getByRole('checkbox')).toHaveCount(kept);
  await expect(taskList.getByRole('checkbox').first()).toHaveAccessibleName('Time a 5k run');

  const byGoal = await cairn.call('tasks.list', { view: 'goal', goalId: goal?.id ?? '' });
  expect(byGoal.items).toHaveLength(kept);
  expect(byGoal.items[0]?.title).toBe('Time a 5k run');
});

test('Settings → AI by keyboard: move a backend down and up, turn one off and on', async ({ page, cairn }) => {
  expect((await cairn.call('settings.get', {})).aiProviders).toEqual(['ollama', 'offline']);
  await openSignedIn(page, cairn);
  await openView(page, 'Settings', 'Tab');
  const backends = page.getByRole('list', { name: 'AI backends' });
  const ollama = backends.getByRole('listitem').filter({ hasText: 'Ollama (on this computer)' });
  await expect(backends).toHaveAttribute('aria-busy', 'false');

  await tabTo(page, button(ollama, 'Down (ollama)'));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Order: offline → ollama.')).toBeVisible();
  await expect(button(ollama, 'Down (ollama)')).toBeDisabled();
  // The pressed button can no longer be pressed: the keyboard moves to the one that can.
  await expect(button(ollama, 'Up (ollama)')).toBeFocused();
  expect((await cairn.call('settings.get', {})).aiProviders).toEqual(['offline', 'ollama']);

  await page.keyboard.press('Enter');
  await expect(page.getByText('Order: ollama → offline.')).toBeVisible();
  await expect(button(ollama, 'Down (ollama)')).toBeFocused();
  expect((await cairn.call('settings.get', {})).aiProviders).toEqual(['ollama', 'offline']);

  const enable = ollama.getByRole('checkbox', { name: 'Ollama (on this computer)' });
  await tabTo(page, enable, 'Shift+Tab');
  await page.keyboard.press('Space');
  await expect(enable).not.toBeChecked();
  await expect(ollama.locator('.provider-state')).toHaveText('Off');
  await expect(enable).toBeFocused();
  await expect.poll(async () => (await cairn.call('settings.get', {})).aiProviders).toEqual(['offline']);

  await page.keyboard.press('Space');
  await expect(enable).toBeChecked();
  await expect(enable).toBeFocused();
  await expect.poll(async () => (await cairn.call('settings.get', {})).aiProviders).toEqual(['ollama', 'offline']);
});
