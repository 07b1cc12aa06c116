import { button, detailPanel, expect, openSignedIn, test, thoughtLink, timeline, type CairnServer } from './fixtures';
import { shoot } from './view-checks';


const SAMPLE_THOUGHTS = [
  'Read the chapter on spaced repetition again #learning',
  'What if the weekly review happened on Friday afternoon instead of Sunday evening? #habits #ideas',
  'Call the dentist about moving the appointment',
  'Felt calm after the long walk by the river today. Less noise, more room to think.\nWorth doing every week. #journal',
  'Plant the tomatoes before the frost #garden',
];

async function seed(cairn: CairnServer): Promise<void> {
  for (const text of SAMPLE_THOUGHTS) await cairn.call('thoughts.capture', { text });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`main and detail views (${colorScheme})`, async ({ page, cairn }) => {
    await page.emulateMedia({ colorScheme });
    await seed(cairn);
    await openSignedIn(page, cairn);
    await expect(timeline(page).getByRole('link')).toHaveCount(SAMPLE_THOUGHTS.length);
    await shoot(page, `main-${colorScheme}`);

    await thoughtLink(timeline(page), /tomatoes/).click();
    const panel = detailPanel(page);
    await panel.getByRole('textbox', { name: 'Thought text' }).fill('Plant the tomatoes and the basil before the frost #garden');
    await button(panel, 'Save').click();
    await expect(panel.getByRole('list', { name: 'History' }).getByRole('listitem')).toHaveCount(2);
    await shoot(page, `detail-${colorScheme}`);

    await page.keyboard.press('Escape');
    await page.getByRole('searchbox', { name: 'Search thoughts' }).fill('week');
    await expect(page.getByRole('list', { name: 'Matching thoughts' }).locator('mark').first()).toBeVisible();
    await shoot(page, `search-${colorScheme}`);
    await page.getByRole('searchbox', { name: 'Search thoughts' }).fill('');

    const { items } = await cairn.call('thoughts.list', { view: 'active' });
    await cairn.call('thoughts.archive', { id: items[0]!.id });
    await cairn.call('thoughts.delete', { id: items[1]!.id });
    for (const tab of ['Archive', 'Trash'] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(timeline(page).getByRole('link')).toHaveCount(1);
      await shoot(page, `${tab.toLowerCase()}-${colorScheme}`);
    }

    // Quick capture, in the window's own size.
    await page.setViewportSize({ width: 620, height: 170 });
    await page.goto(`${cairn.url}/capture.html`);
    await page.getByRole('textbox', { name: 'Quick capture' }).fill('Ask Sam about the #garden plan for the #weekend');
    await shoot(page, `quick-capture-${colorScheme}`);
  });
}

test('sign-in screen', async ({ page, cairn }) => {
  await page.goto(cairn.url);
  await expect(page.getByRole('heading', { name: 'Sign in to Cairn' })).toBeVisible();
  await shoot(page, 'sign-in');
});
