import { detailPanel, expect, openSignedIn, test, thoughtLink } from './fixtures';
import { searchBox, searchResults, useTinyModel, waitForIndexReady } from './intelligence';

// With the tiny test model, texts that share words are near in meaning and texts that share none
// are far (scripts/make-tiny-model.mjs), so these thoughts have predictable neighbours.
const KIDS_DENTIST = 'Book a dentist appointment for the kids #health';
const KIDS_CHECKUP = 'The dentist said the kids need a checkup in the spring #health';
const DENTIST_TOMORROW = 'Call the dentist tomorrow morning';
const GROCERIES = 'Buy milk eggs bread and butter at the grocery store #errands';
const TRIP = 'Weekend trip to the lake with friends';

test('the header shows indexing until every thought has a vector, then goes quiet', async ({ page, cairn }) => {
  for (const text of [KIDS_DENTIST, KIDS_CHECKUP, DENTIST_TOMORROW, GROCERIES, TRIP]) await cairn.call('thoughts.capture', { text });
  await openSignedIn(page, cairn);
  await useTinyModel(cairn);

  const ready = page.getByRole('status').filter({ hasText: 'Search by meaning is ready.' });
  await expect(ready).toHaveCount(1, { timeout: 30_000 });
  // Quiet when ready: only screen readers hear it; no bar, no warning.
  await expect(ready).toHaveClass('visually-hidden');
  await expect(page.getByRole('progressbar', { name: 'Indexing progress' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Words only' })).toHaveCount(0);
  const status = await waitForIndexReady(cairn);
  expect(status.model?.id).toBe('cairn-test/tiny-bert');
});

test('search says which results matched by words and which only by meaning', async ({ page, cairn }) => {
  await useTinyModel(cairn);
  for (const text of [KIDS_DENTIST, KIDS_CHECKUP, DENTIST_TOMORROW, GROCERIES, TRIP]) await cairn.call('thoughts.capture', { text });
  await waitForIndexReady(cairn);
  await openSignedIn(page, cairn);

  await searchBox(page).fill('dentist checkup');
  const results = searchResults(page);
  const both = thoughtLink(results, /The dentist said the kids need a checkup/);
  await expect(both).toContainText('Matched by words + meaning');
  // Has "dentist" but not "checkup": not a word match, but near in meaning.
  const meaningOnly = thoughtLink(results, /Call the dentist tomorrow/);
  await expect(meaningOnly).toContainText('Matched by meaning');
  await expect(meaningOnly).not.toContainText('words');
  await expect(page.getByRole('note', { name: 'Searching by words only' })).toHaveCount(0);
});

test('a thought lists related thoughts with the tags they share; each opens in place', async ({ page, cairn }) => {
  await useTinyModel(cairn);
  const thought = await cairn.call('thoughts.capture', { text: KIDS_DENTIST });
  for (const text of [KIDS_CHECKUP, GROCERIES, TRIP]) await cairn.call('thoughts.capture', { text });
  await waitForIndexReady(cairn);
  await openSignedIn(page, cairn);
  await page.goto(`${cairn.url}/#thought=${thought.id}`);

  const panel = detailPanel(page);
  const related = panel.getByRole('list', { name: 'Related thoughts' });
  const closest = related.getByRole('link').first();
  await expect(closest).toContainText(KIDS_CHECKUP.replace(' #health', ''));
  await expect(closest.getByRole('list', { name: 'Shared tags' })).toHaveText('#health');
  await expect(related.getByRole('link', { name: /Book a dentist appointment/ })).toHaveCount(0);

  // Keyboard: Enter on a related thought opens it in the same panel, focus on its heading.
  await closest.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('textbox', { name: 'Thought text' })).toHaveValue(KIDS_CHECKUP);
  await expect(panel.getByRole('heading', { name: 'Thought' })).toBeFocused();
  // And back by click.
  await related.getByRole('link', { name: /Book a dentist appointment/ }).click();
  await expect(panel.getByRole('textbox', { name: 'Thought text' })).toHaveValue(KIDS_DENTIST);
});

test('related thoughts appear by themselves once indexing reaches the open thought', async ({ page, cairn }) => {
  const thought = await cairn.call('thoughts.capture', { text: KIDS_DENTIST });
  await cairn.call('thoughts.capture', { text: KIDS_CHECKUP });
  await openSignedIn(page, cairn);
  await page.goto(`${cairn.url}/#thought=${thought.id}`);
  const section = detailPanel(page).getByRole('region', { name: 'Related' });
  await expect(section).not.toContainText('#health');

  await useTinyModel(cairn);
  await expect(section.getByRole('link', { name: /The dentist said the kids/ })).toBeVisible({ timeout: 30_000 });
});
