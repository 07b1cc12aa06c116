import { capture, expect, openSignedIn, test, thoughtLink } from './fixtures';
import { searchBox, searchResults, useNoModel } from './intelligence';

test('with no model installed, search says once, calmly, that it searches by words only', async ({ page, cairn }) => {
  await useNoModel(cairn);
  await expect.poll(async () => (await cairn.call('index.status', {})).state).toBe('unavailable');
  const { message } = await cairn.call('index.status', {});
  expect(message).not.toBeNull();
  await openSignedIn(page, cairn);
  await capture(page, 'Plant the tomatoes before the frost #garden');

  // The header: a quiet notice whose details explain how to turn meaning search on.
  const notice = page.getByRole('button', { name: 'Words only' });
  await expect(notice).toBeVisible();
  await notice.click();
  await expect(notice).toHaveAttribute('aria-expanded', 'true');
  const details = page.getByRole('note').filter({ hasText: 'Search by meaning is off' });
  await expect(details).toContainText(message ?? '');
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(notice).toBeFocused();

  await searchBox(page).fill('tomatoes');
  const hit = thoughtLink(searchResults(page), /tomatoes/);
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('Matched by words');
  const banner = page.getByRole('note', { name: 'Searching by words only' });
  await expect(banner).toContainText('Searching by words only — no embedding model is installed.');
  await expect(banner).toContainText(message ?? '');
  const why = banner.getByRole('button', { name: 'Why?' });
  await why.click();
  await expect(banner.getByRole('button', { name: 'Less' })).toHaveAttribute('aria-expanded', 'true');

  // Dismissed, it stays away for the rest of the session, reloads included.
  await banner.getByRole('button', { name: 'Dismiss this notice' }).click();
  await expect(banner).toHaveCount(0);
  await searchBox(page).fill('frost');
  await expect(thoughtLink(searchResults(page), /frost/)).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await searchBox(page).fill('garden');
  await expect(thoughtLink(searchResults(page), /garden/)).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('with no model installed, a thought explains why it has no related thoughts', async ({ page, cairn }) => {
  await useNoModel(cairn);
  const thought = await cairn.call('thoughts.capture', { text: 'Plant the tomatoes before the frost #garden' });
  await expect.poll(async () => (await cairn.call('index.status', {})).state).toBe('unavailable');
  await openSignedIn(page, cairn);
  await page.goto(`${cairn.url}/#thought=${thought.id}`);
  const related = page.getByRole('region', { name: 'Related' });
  await expect(related).toContainText('Related thoughts are found by meaning, which is off right now.');
});

test('a failing related-thoughts request is explained in words, and the rest of the thought still works', async ({ page, cairn }) => {
  const thought = await cairn.call('thoughts.capture', { text: 'Plant the tomatoes before the frost #garden' });
  await page.route('**/api/v1/thoughts.related', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'boom' } }) }),
  );
  await openSignedIn(page, cairn);
  await page.goto(`${cairn.url}/#thought=${thought.id}`);
  const related = page.getByRole('region', { name: 'Related' });
  await expect(related.getByRole('alert')).toHaveText('Something went wrong inside Cairn. Your saved thoughts are safe; try again.');
  await expect(related).not.toContainText('boom');
  await expect(page.getByRole('textbox', { name: 'Thought text' })).toHaveValue('Plant the tomatoes before the frost #garden');
});
