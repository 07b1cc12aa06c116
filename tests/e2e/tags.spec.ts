import { button, detailPanel, expect, openSignedIn, test } from './fixtures';
import { useTinyModel, waitForIndexReady } from './intelligence';

// Tagged thoughts Cairn can learn from; the new one shares their words but carries no tags.
const TAGGED = [
  'The dentist said the kids need a checkup #health #family',
  'Doctor appointment for the kids next week #health #family',
  'The kids had a headache after the dentist #health #family',
];
const UNTAGGED = 'Book the dentist and the doctor appointment for the kids';

test('tags Cairn suggests stand apart; accepted they become the thought’s own, removed they stay away', async ({ page, cairn }) => {
  await useTinyModel(cairn);
  for (const text of TAGGED) await cairn.call('thoughts.capture', { text });
  await waitForIndexReady(cairn);
  const thought = await cairn.call('thoughts.capture', { text: UNTAGGED });
  let suggested: string[] = [];
  await expect
    .poll(
      async () => {
        const { tags } = await cairn.call('thoughts.get', { id: thought.id });
        suggested = tags.filter((tag) => tag.kind === 'auto').map((tag) => tag.name);
        return suggested.length;
      },
      { timeout: 30_000, message: 'Cairn should suggest tags for an untagged thought like the tagged ones' },
    )
    .toBeGreaterThanOrEqual(2);
  const [accepted = '', removed = ''] = suggested;

  await openSignedIn(page, cairn);
  await page.goto(`${cairn.url}/#thought=${thought.id}`);
  const panel = detailPanel(page);
  const suggestedList = panel.getByRole('list', { name: 'Suggested tags' });
  await expect(suggestedList).toContainText(`#${accepted}`);
  await expect(panel.getByRole('list', { name: 'Tags', exact: true })).toHaveCount(0);

  // Keyboard: the buttons are ordinary Tab stops with names that say what they do.
  await button(panel, `Accept tag ${accepted}`).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText(`Tag #${accepted} added.`);
  const own = panel.getByRole('list', { name: 'Tags', exact: true });
  await expect(own).toHaveText(`#${accepted}`);
  await expect(suggestedList).not.toContainText(`#${accepted}`);
  await expect(page.locator(':focus')).toHaveCount(1);

  await button(panel, `Remove tag ${removed}`).click();
  await expect(panel.getByRole('status')).toHaveText(`Tag #${removed} removed.`);
  await expect(suggestedList.getByText(`#${removed}`, { exact: true })).toHaveCount(0);
  await expect(own.getByText(`#${removed}`, { exact: true })).toHaveCount(0);

  const stored = await cairn.call('thoughts.get', { id: thought.id });
  expect(stored.tags).toContainEqual({ name: accepted, kind: 'user' });
  expect(stored.tags.map((tag) => tag.name)).not.toContain(removed);

  // Own tags can go too; a reload shows exactly what is stored.
  await button(panel, `Remove tag ${accepted}`).click();
  await expect(panel.getByRole('status')).toHaveText(`Tag #${accepted} removed.`);
  await page.reload();
  await expect(detailPanel(page).getByRole('textbox', { name: 'Thought text' })).toHaveValue(UNTAGGED);
  await expect(own).toHaveCount(0);
  await expect(suggestedList.getByText(`#${removed}`, { exact: true })).toHaveCount(0);
  await expect(suggestedList.getByText(`#${accepted}`, { exact: true })).toHaveCount(0);
});

test('a trashed thought shows its tags without buttons to change them', async ({ page, cairn }) => {
  const thought = await cairn.call('thoughts.capture', { text: 'Plant the tomatoes before the frost #garden' });
  await cairn.call('thoughts.delete', { id: thought.id });
  await openSignedIn(page, cairn);
  await page.goto(`${cairn.url}/#thought=${thought.id}`);
  const panel = detailPanel(page);
  await expect(panel.getByRole('list', { name: 'Tags', exact: true })).toHaveText('#garden');
  await expect(panel.getByRole('button', { name: /tag garden/ })).toHaveCount(0);
});
