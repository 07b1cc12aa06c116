import { expect, openSignedIn, test, thoughtLink, timeline } from './fixtures';

const COUNT = 130;

function label(index: number): string {
  return `Numbered thought ${String(index).padStart(3, '0')}`;
}

test('the timeline is newest first, renders only what is near the screen and loads older pages on scroll', async ({ page, cairn }) => {
  for (let index = 1; index <= COUNT; index += 1) await cairn.call('thoughts.capture', { text: label(index) });
  await openSignedIn(page, cairn);

  const links = timeline(page).getByRole('link');
  await expect(links.first()).toHaveText(new RegExp(label(COUNT)));
  // Virtualized: a 130-thought stream does not put 130 rows in the page.
  expect(await links.count()).toBeLessThan(60);

  const oldest = thoughtLink(timeline(page), label(1));
  await expect(async () => {
    await page.locator('.timeline-scroll').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(oldest).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(thoughtLink(timeline(page), label(COUNT))).toHaveCount(0);
});
