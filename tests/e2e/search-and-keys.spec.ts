import { capture, detailPanel, expect, openSignedIn, test, thoughtLink, timeline } from './fixtures';

test('a slow answer to an older query never replaces the answer to the newer one', async ({ page, cairn }) => {
  await cairn.call('thoughts.capture', { text: 'the garden needs water' });
  await cairn.call('thoughts.capture', { text: 'basil on the windowsill' });
  await openSignedIn(page, cairn);

  // Hold the answer for "garden" until "basil" has been answered and shown.
  let releaseGarden: () => void = () => undefined;
  const gardenHeld = new Promise<void>((resolve) => (releaseGarden = resolve));
  await page.route('**/api/v1/search.query', async (route) => {
    const body: unknown = route.request().postDataJSON();
    const isGarden = typeof body === 'object' && body !== null && 'query' in body && body.query === 'garden';
    const response = await route.fetch();
    if (isGarden) await gardenHeld;
    await route.fulfill({ response });
  });

  const search = page.getByRole('searchbox', { name: 'Search thoughts' });
  const gardenAsked = page.waitForRequest((request) => request.url().endsWith('/search.query') && request.postData()?.includes('garden') === true);
  await search.fill('garden');
  await gardenAsked;
  await search.fill('basil');
  const results = page.getByRole('list', { name: 'Matching thoughts' });
  await expect(thoughtLink(results, 'basil on the windowsill')).toBeVisible();

  const gardenAnswered = page.waitForResponse((response) => response.request().postData()?.includes('garden') === true);
  releaseGarden();
  await gardenAnswered;
  // Let React commit whatever the late answer might have caused.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(thoughtLink(results, 'basil on the windowsill')).toBeVisible();
  await expect(thoughtLink(results, 'the garden needs water')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText('“basil”');
});

test('keyboard: / focuses search, arrows and Enter open a thought, Esc closes it', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await capture(page, 'first thought of the day');
  await capture(page, 'second thought of the day');
  const search = page.getByRole('searchbox', { name: 'Search thoughts' });

  await page.getByRole('heading', { name: 'Cairn' }).click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await search.press('Escape');

  await thoughtLink(timeline(page), 'second thought of the day').focus();
  await page.keyboard.press('ArrowDown');
  await expect(thoughtLink(timeline(page), 'first thought of the day')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(detailPanel(page).getByRole('textbox', { name: 'Thought text' })).toHaveValue('first thought of the day');

  await page.keyboard.press('Escape');
  await expect(detailPanel(page)).toHaveCount(0);
  await expect(thoughtLink(timeline(page), 'first thought of the day')).toBeFocused();
});
