import type { TaskSuggestion } from '../../src-shared/contract';
import { button, capture, detailPanel, expect, openSignedIn, test } from './fixtures';
import { inbox, suggestion, suggestionsTab } from './intelligence';

test('a task in a thought is suggested; edited and accepted, or dismissed, it leaves the inbox', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await expect(suggestionsTab(page)).toHaveText('Suggestions');

  await capture(page, 'Need to call the dentist tomorrow at 3pm');
  await capture(page, 'Remember to renew the passport on Friday');
  // The count arrives live, from background work, without a reload.
  await expect(suggestionsTab(page)).toHaveAccessibleName('Suggestions 2 waiting');

  await suggestionsTab(page).click();
  const dentist = suggestion(inbox(page), 'dentist');
  await expect(dentist).toBeVisible();
  await expect(dentist.getByRole('link', { name: 'Need to call the dentist tomorrow at 3pm' })).toBeVisible();
  await expect(dentist).toContainText(/Due tomorrow \d/);

  await button(dentist, 'Edit').click();
  const title = dentist.getByRole('textbox', { name: 'Task title' });
  await expect(title).toBeFocused();
  await title.fill('Call the dentist about the crown');
  // The time was said ("3pm"), so the time can be changed too.
  const nextYear = new Date().getFullYear() + 1;
  await dentist.getByLabel('Due').fill(`${nextYear}-01-15T09:30`);
  const accepted = page.waitForResponse((response) => response.url().endsWith('/suggestions.accept'));
  await title.press('Enter');
  const answer: unknown = await (await accepted).json();
  expect(answer).toMatchObject({
    task: { title: 'Call the dentist about the crown', dueAt: new Date(nextYear, 0, 15, 9, 30).toISOString() },
    suggestion: { status: 'accepted' },
  });
  await expect(page.getByText('Added “Call the dentist about the crown” to your tasks.')).toBeVisible();
  await expect(suggestion(inbox(page), 'dentist')).toHaveCount(0);
  await expect(suggestionsTab(page)).toHaveAccessibleName('Suggestions 1 waiting');

  const passport = suggestion(inbox(page), 'passport');
  await expect(passport).toContainText(/Due \w/);
  await button(passport, 'Dismiss').click();
  await expect(page.getByText(/^Dismissed “.*passport.*”\. Cairn will not suggest it again\.$/i)).toBeVisible();
  await expect(page.getByText(/Nothing waiting/)).toBeVisible();
  await expect(suggestionsTab(page)).toHaveText('Suggestions');

  const dismissed = await cairn.call('suggestions.list', { status: 'dismissed' });
  expect(dismissed.items.map((item) => item.thoughtExcerpt)).toEqual(['Remember to renew the passport on Friday']);
  const pending = await cairn.call('suggestions.list', {});
  expect(pending.items).toHaveLength(0);

  // Gone for good: a reload shows the same empty inbox.
  await page.reload();
  await suggestionsTab(page).click();
  await expect(page.getByText(/Nothing waiting/)).toBeVisible();
});

test('a thought shows its own suggested task; a failure is explained and nothing is lost', async ({ page, cairn }) => {
  const thought = await cairn.call('thoughts.capture', { text: 'Need to call the dentist tomorrow at 3pm' });
  let pending: TaskSuggestion[] = [];
  await expect.poll(async () => (pending = (await cairn.call('suggestions.list', { thoughtId: thought.id })).items).length).toBe(1);
  await openSignedIn(page, cairn);

  // From the inbox, the excerpt opens the thought it came from.
  await suggestionsTab(page).click();
  await suggestion(inbox(page), 'dentist').getByRole('link').click();
  const panel = detailPanel(page);
  await expect(panel.getByRole('textbox', { name: 'Thought text' })).toHaveValue('Need to call the dentist tomorrow at 3pm');
  const ownTasks = panel.getByRole('list', { name: 'Suggested tasks' });
  const card = suggestion(ownTasks, pending[0]?.title ?? 'dentist');
  await expect(card).toContainText(/Due tomorrow/);

  // Esc leaves the inline editor, not the thought.
  await button(card, 'Edit').click();
  await card.getByRole('textbox', { name: 'Task title' }).press('Escape');
  await expect(card.getByRole('textbox', { name: 'Task title' })).toHaveCount(0);
  await expect(button(card, 'Edit')).toBeFocused();
  await expect(panel).toBeVisible();

  // An identical open task already exists (as another window might have made it meanwhile).
  await page.route('**/api/v1/suggestions.accept', (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'conflict', message: 'An open task with this title already exists.' } }),
    }),
  );
  await button(card, 'Accept').click();
  await expect(card.getByRole('alert')).toHaveText(/already have an open task with this title/);
  await expect(card).toBeVisible();

  await page.unroute('**/api/v1/suggestions.accept');
  await button(card, 'Accept').click();
  await expect(panel.getByText(/^Added “.+” to your tasks\.$/)).toBeVisible();
  await expect(ownTasks).toHaveCount(0);
  await expect(suggestionsTab(page)).toHaveText('Suggestions');
  const accepted = await cairn.call('suggestions.list', { status: 'accepted', thoughtId: thought.id });
  expect(accepted.items).toHaveLength(1);
  expect(accepted.items[0]?.taskId).not.toBeNull();
});

test('accepting a suggestion that was dismissed elsewhere says so calmly', async ({ page, cairn }) => {
  await cairn.call('thoughts.capture', { text: 'Buy milk and eggs tomorrow' });
  await expect.poll(async () => (await cairn.call('suggestions.list', {})).items.length).toBe(1);
  // This page will not hear that the phone dismissed it: no live events.
  await page.route('**/api/v1/events', (route) => route.abort());
  await openSignedIn(page, cairn);
  await suggestionsTab(page).click();
  const card = suggestion(inbox(page), 'milk');
  await expect(card).toBeVisible();

  const { items } = await cairn.call('suggestions.list', {});
  await cairn.call('suggestions.dismiss', { id: items[0]?.id ?? '' });
  await button(card, 'Accept').click();
  await expect(page.getByText('That suggestion was already handled elsewhere, so it is gone from here.')).toBeVisible();
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/Nothing waiting/)).toBeVisible();
});
