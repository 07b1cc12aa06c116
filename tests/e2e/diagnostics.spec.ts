import type { Locator, Page } from '@playwright/test';
import { captureBox, expect, openSignedIn, test } from './fixtures';
import { useTinyModel, waitForIndexReady } from './intelligence';
import { expectAccessible, shoot } from './view-checks';

const WAITING = 'Ask Mira about the spring garden plan';

/** Moves the keyboard focus forward with Tab until `target` has it (keyboard only, no clicks). */
async function tabTo(page: Page, target: Locator, presses = 60): Promise<void> {
  for (let press = 0; press < presses; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

function indicator(page: Page): Locator {
  return page.getByRole('banner');
}

test('Diagnostics by keyboard: sections, a report to copy, and pausing indexing from the header', async ({ page, cairn, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await useTinyModel(cairn);
  await cairn.call('thoughts.capture', { text: 'Water the tomatoes before the heat' });
  await waitForIndexReady(cairn);
  await openSignedIn(page, cairn);

  // The tabs: one Tab stop, then End reaches Diagnostics (the last tab).
  await tabTo(page, page.getByRole('tab', { name: 'Stream' }));
  await page.keyboard.press('End');
  const diagnosticsTab = page.getByRole('tab', { name: 'Diagnostics' });
  await expect(diagnosticsTab).toHaveAttribute('aria-selected', 'true');
  await expect(diagnosticsTab).toBeFocused();
  const view = page.getByRole('region', { name: 'Diagnostics' });
  for (const section of ['Storage', 'Thoughts and indexing', 'Background queue', 'Embedding model', 'AI backends', 'Recent problems']) {
    await expect(view.getByRole('heading', { name: section })).toBeVisible();
  }
  const storage = view.getByRole('region', { name: 'Storage' });
  await expect(storage).toContainText(cairn.dataDir);
  await expect(storage).toContainText(/\d+(\.\d)? (KB|MB)/);
  await expect(view.getByRole('region', { name: 'Embedding model' })).toContainText('Loaded');

  // Pause from the header's indicator, with the keyboard; the button keeps the focus.
  const pause = indicator(page).getByRole('button', { name: 'Pause indexing' });
  await tabTo(page, pause);
  await page.keyboard.press('Enter');
  const resume = indicator(page).getByRole('button', { name: 'Resume indexing' });
  await expect(resume).toBeFocused();
  await expect(indicator(page).getByRole('status')).toContainText('Indexing paused — nothing waits');

  // Capture while paused: it is saved at once and waits for indexing, and the header says so.
  await tabTo(page, captureBox(page));
  await page.keyboard.type(WAITING);
  await page.keyboard.press('Enter');
  await expect(indicator(page).getByRole('status')).toContainText('Indexing paused — 1 thought waits');
  await expect(indicator(page).getByRole('status')).toContainText('Search by words still finds everything.');

  await tabTo(page, view.getByRole('button', { name: 'Refresh' }));
  await page.keyboard.press('Enter');
  const indexing = view.getByRole('region', { name: 'Thoughts and indexing' });
  await expect(indexing).toContainText('Indexing paused — 1 thought waits');
  await expect(view.getByRole('region', { name: 'Background queue' }).getByRole('row', { name: /Vectors for search by meaning/ })).toContainText('1');

  await tabTo(page, view.getByRole('button', { name: 'Copy report' }));
  await page.keyboard.press('Enter');
  await expect(view.getByText('Report copied. It holds no thought text.')).toBeVisible();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toContain(`Data folder: ${cairn.dataDir}`);
  expect(report).toContain('Indexing: paused, 1 waiting');
  expect(report).not.toContain('Mira');
  expect(report).not.toContain('tomatoes');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await view.getByRole('heading', { name: 'Diagnostics' }).scrollIntoViewIfNeeded();
    await shoot(page, `diagnostics-${colorScheme}`);
    await expectAccessible(page, `diagnostics (${colorScheme})`);
    // The lower sections, to look at.
    await view.getByRole('heading', { name: 'About this copy of Cairn' }).scrollIntoViewIfNeeded();
    await shoot(page, `diagnostics-lower-${colorScheme}`);
  }

  // A phone-sized window: the header keeps the search box usable and the pause state readable.
  await page.setViewportSize({ width: 420, height: 760 });
  await expect(indicator(page).getByRole('status')).toContainText('1 thought waits');
  await shoot(page, 'diagnostics-narrow-dark');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Resume, again from the header: the waiting thought is indexed and the notice goes away.
  await tabTo(page, resume);
  await page.keyboard.press('Enter');
  await expect(indicator(page).getByRole('button', { name: 'Pause indexing' })).toBeFocused();
  const status = await waitForIndexReady(cairn);
  expect(status).toMatchObject({ total: 2, embedded: 2, paused: false });
  await expect(indicator(page).getByText(/Indexing paused/)).toHaveCount(0);
});
