import { button, captureBox, detailPanel, expect, openSignedIn, test, thoughtLink, timeline } from './fixtures';

test('a captured thought shows at once, is found by search, can be edited and keeps its history', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  const original = 'Plant the tomatoes before the frost #garden';
  const edited = 'Plant the tomatoes and the basil before the frost #garden';

  await captureBox(page).fill(original);
  await captureBox(page).press('Enter');
  await expect(thoughtLink(timeline(page), original)).toBeVisible();
  await expect(captureBox(page)).toHaveValue('');
  await expect(thoughtLink(timeline(page), original).getByRole('list', { name: 'Tags' })).toHaveText('#garden');

  await page.getByRole('searchbox', { name: 'Search thoughts' }).fill('tomat');
  const results = page.getByRole('list', { name: 'Matching thoughts' });
  const hit = thoughtLink(results, /tomatoes/);
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(['tomatoes']);

  await hit.click();
  const panel = detailPanel(page);
  const text = panel.getByRole('textbox', { name: 'Thought text' });
  await expect(text).toHaveValue(original);
  await text.fill(edited);
  await button(panel, 'Save').click();
  await expect(panel.getByRole('status')).toHaveText('Saved.');

  await page.reload();
  await expect(detailPanel(page).getByRole('textbox', { name: 'Thought text' })).toHaveValue(edited);
  await expect(thoughtLink(timeline(page), edited)).toBeVisible();

  const versions = detailPanel(page).getByRole('list', { name: 'History' }).getByRole('listitem');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('Edited');
  await expect(versions.nth(0)).toContainText(edited);
  await expect(versions.nth(1)).toContainText('Captured');
  await expect(versions.nth(1)).toContainText(original);
});
