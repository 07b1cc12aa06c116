import { button, detailPanel, expect, openSignedIn, test, type CairnServer } from './fixtures';
import { shoot } from './view-checks';
import { inbox, searchBox, searchResults, suggestion, suggestionsTab, useNoModel, useTinyModel, waitForIndexReady, waitForQueueIdle } from './intelligence';


const SAMPLE_THOUGHTS = [
  'The dentist said the kids need a checkup in the spring #health #family',
  'Doctor appointment for the kids next week #health #family',
  'The kids had a headache after the dentist #health #family',
  'Plant the tomatoes before the frost #garden',
  'Remember to renew the passport on Friday',
  'Buy milk eggs bread and butter at the grocery store tomorrow #errands',
  'Need to call the dentist tomorrow at 3pm',
];
/** Captured once the others are indexed, so Cairn can suggest tags for it from them. */
const UNTAGGED = 'Book the dentist and the doctor appointment for the kids';

async function seed(cairn: CairnServer): Promise<void> {
  for (const text of SAMPLE_THOUGHTS) await cairn.call('thoughts.capture', { text });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`suggestions, detail and meaning search (${colorScheme})`, async ({ page, cairn }) => {
    await page.emulateMedia({ colorScheme });
    await useTinyModel(cairn);
    await seed(cairn);
    await waitForIndexReady(cairn);
    const untagged = await cairn.call('thoughts.capture', { text: UNTAGGED });
    await waitForIndexReady(cairn);
    await waitForQueueIdle(cairn);
    let suggestedTags: string[] = [];
    await expect
      .poll(async () => {
        const { tags } = await cairn.call('thoughts.get', { id: untagged.id });
        suggestedTags = tags.filter((tag) => tag.kind === 'auto').map((tag) => tag.name);
        return suggestedTags.length;
      })
      .toBeGreaterThanOrEqual(2);
    // One accepted, one still suggested: both groups on screen.
    await cairn.call('tags.accept', { thoughtId: untagged.id, name: suggestedTags[0] ?? '' });
    await openSignedIn(page, cairn);

    await suggestionsTab(page).click();
    await expect(suggestion(inbox(page), 'Need to call the dentist')).toBeVisible();
    await expect(suggestion(inbox(page), 'passport')).toBeVisible();
    await shoot(page, `suggestions-${colorScheme}`);
    await button(suggestion(inbox(page), 'passport'), 'Edit').click();
    await button(suggestion(inbox(page), 'passport'), 'Cancel').scrollIntoViewIfNeeded();
    await shoot(page, `suggestions-edit-${colorScheme}`);
    await page.keyboard.press('Escape');

    await suggestion(inbox(page), 'Need to call the dentist').getByRole('link').click();
    const panel = detailPanel(page);
    await expect(panel.getByRole('list', { name: 'Suggested tasks' })).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Related thoughts' })).toBeVisible();
    await shoot(page, `detail-intelligence-${colorScheme}`);

    await page.goto(`${cairn.url}/#thought=${untagged.id}`);
    await expect(panel.getByRole('textbox', { name: 'Thought text' })).toHaveValue(UNTAGGED);
    await expect(panel.getByRole('list', { name: 'Related thoughts' })).toBeVisible();
    await shoot(page, `detail-tags-${colorScheme}`);

    await page.keyboard.press('Escape');
    await searchBox(page).fill('dentist kids');
    await expect(searchResults(page).getByRole('link').first()).toBeVisible();
    await shoot(page, `search-meaning-${colorScheme}`);
  });

  test(`words only and the header notice (${colorScheme})`, async ({ page, cairn }) => {
    await page.emulateMedia({ colorScheme });
    await useNoModel(cairn);
    await seed(cairn);
    await expect.poll(async () => (await cairn.call('index.status', {})).state).toBe('unavailable');
    await openSignedIn(page, cairn);
    await searchBox(page).fill('dentist');
    await expect(page.getByRole('note', { name: 'Searching by words only' })).toBeVisible();
    await shoot(page, `search-words-only-${colorScheme}`);
    await page.getByRole('button', { name: 'Why?' }).click();
    await shoot(page, `search-words-only-why-${colorScheme}`);
    await page.getByRole('button', { name: 'Words only' }).click();
    await shoot(page, `index-unavailable-${colorScheme}`);
    await page.setViewportSize({ width: 420, height: 760 });
    await shoot(page, `index-unavailable-narrow-${colorScheme}`);
  });
}

test('indexing progress in the header', async ({ page, cairn }) => {
  // Enough thoughts that indexing lasts a few seconds with the tiny model.
  for (let index = 0; index < 600; index += 1) {
    await cairn.call('thoughts.capture', { text: `${SAMPLE_THOUGHTS[index % SAMPLE_THOUGHTS.length] ?? ''} (${index})` });
  }
  await openSignedIn(page, cairn);
  await useTinyModel(cairn);
  const bar = page.getByRole('progressbar', { name: 'Indexing progress' });
  const sawProgress = await bar.waitFor({ timeout: 15_000 }).then(
    () => true,
    () => false,
  );
  if (sawProgress) await shoot(page, 'index-progress');
  await expect(page.getByRole('status').filter({ hasText: 'Search by meaning is ready.' })).toHaveCount(1, { timeout: 60_000 });
  // When indexing is faster than the bar's delay there is nothing to photograph; say so in the report.
  test.info().annotations.push({ type: 'progress-seen', description: String(sawProgress) });
});
