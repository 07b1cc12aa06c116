import type { Page } from '@playwright/test';
import { button, capture, detailPanel, expect, openSignedIn, test, thoughtLink, timeline } from './fixtures';

async function showView(page: Page, name: 'Stream' | 'Archive' | 'Trash'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

test('archive takes a thought out of the stream and unarchive brings it back', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await capture(page, 'old plan for the kitchen');
  await thoughtLink(timeline(page), 'old plan for the kitchen').click();
  await button(detailPanel(page), 'Archive').click();
  await expect(detailPanel(page).getByRole('status')).toContainText('Archived');
  await page.keyboard.press('Escape');
  await expect(detailPanel(page)).toHaveCount(0);
  await expect(thoughtLink(timeline(page), 'old plan for the kitchen')).toHaveCount(0);

  await showView(page, 'Archive');
  await thoughtLink(timeline(page), 'old plan for the kitchen').click();
  await button(detailPanel(page), 'Unarchive').click();
  await expect(detailPanel(page).getByRole('status')).toContainText('Back in your stream');
  await button(detailPanel(page), 'Close').click();
  await expect(page.getByText('Nothing archived')).toBeVisible();

  await showView(page, 'Stream');
  await expect(thoughtLink(timeline(page), 'old plan for the kitchen')).toBeVisible();
});

test('delete moves a thought to the trash and restore brings it back with its history', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await capture(page, 'draft letter to the landlord');
  await thoughtLink(timeline(page), 'draft letter to the landlord').click();
  await button(detailPanel(page), 'Move to trash').click();
  await expect(detailPanel(page).getByRole('status')).toContainText('Moved to the trash');
  await expect(detailPanel(page).getByRole('textbox', { name: 'Thought text' })).toHaveAttribute('readonly', '');
  await page.keyboard.press('Escape');
  await expect(thoughtLink(timeline(page), 'draft letter to the landlord')).toHaveCount(0);

  await showView(page, 'Trash');
  await thoughtLink(timeline(page), 'draft letter to the landlord').click();
  await button(detailPanel(page), 'Restore').click();
  await expect(detailPanel(page).getByRole('status')).toContainText('Restored');
  // Cairn's own analysis (type, tags) may add an entry "by Cairn" in between; these are the person's.
  const history = detailPanel(page).getByRole('list', { name: 'History' }).getByRole('listitem').filter({ hasNotText: 'by Cairn' });
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText('Restored');
  await expect(history.nth(1)).toContainText('Moved to trash');
  await expect(history.nth(2)).toContainText('Captured');
  await page.keyboard.press('Escape');
  await expect(page.getByText('The trash is empty.')).toBeVisible();

  await showView(page, 'Stream');
  await expect(thoughtLink(timeline(page), 'draft letter to the landlord')).toBeVisible();
  const { items } = await cairn.call('thoughts.list', { view: 'trash' });
  expect(items).toHaveLength(0);
});
