import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { button, captureBox, detailPanel, expect, openSignedIn, test, thoughtLink, timeline } from './fixtures';

const SCREENSHOTS = join(import.meta.dirname, '..', '.output', 'e2e', 'screenshots');

const FIRST = 'Plant the tomatoes before the frost #garden';
const SECOND = 'Plant the basil before the first frost #garden';
const THIRD = 'Plant the basil and chives in spring #herbs';

/** Presses Tab (forwards, or backwards with Shift) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${target.toString()} never got focus from the keyboard`);
}

async function isFocusVisible(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element.matches(':focus-visible') && getComputedStyle(element).outlineStyle !== 'none');
}

async function expectAccessible(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious, view).toEqual([]);
}

/** The person's own versions (Cairn's reading of the type may add entries "by Cairn"). */
function versions(page: Page): Locator {
  return detailPanel(page).getByRole('list', { name: 'History' }).getByRole('listitem').filter({ hasNotText: 'by Cairn' });
}

async function rewrite(page: Page, text: string, versionCount: number): Promise<void> {
  const field = detailPanel(page).getByRole('textbox', { name: 'Thought text' });
  await tabTo(page, field);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await expect(versions(page)).toHaveCount(versionCount);
  await expect(field).toHaveValue(text);
}

test('keyboard only: edit twice, see what changed, bring back the first version, then undo', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await tabTo(page, captureBox(page));
  await page.keyboard.type(FIRST);
  await page.keyboard.press('Enter');
  await expect(thoughtLink(timeline(page), FIRST)).toBeVisible();

  await tabTo(page, thoughtLink(timeline(page), FIRST));
  await page.keyboard.press('Enter');
  const panel = detailPanel(page);
  await expect(panel.getByRole('textbox', { name: 'Thought text' })).toHaveValue(FIRST);
  await rewrite(page, SECOND, 2);
  await rewrite(page, THIRD, 3);

  // The newest edit, against the one before: words struck out and words added, not only coloured.
  const newest = versions(page).nth(0);
  await expect(newest).toContainText('Edited');
  await expect(newest.locator('del')).toHaveText(['before the first frost #garden']);
  await expect(newest.locator('ins')).toHaveText(['and chives in spring #herbs']);
  await expect(newest.locator('del').first()).toHaveCSS('text-decoration-line', 'line-through');
  // A screen reader hears where each change starts, though the page's text is the thought's own.
  const spoken = await newest.locator('.history-diff').ariaSnapshot();
  expect(spoken).toMatch(/deletion: "removed: before the first frost #garden/);
  expect(spoken).toMatch(/insertion: "added: and chives in spring #herbs/);
  await expect(newest).toContainText('added #herbs');
  await expect(newest).toContainText('removed #garden');
  await expect(versions(page).nth(1).locator('del')).toHaveText(['tomatoes']);
  await expect(versions(page).nth(1).locator('ins')).toHaveText(['basil', /^\s*first\s*$/]);
  await expect(button(newest, 'Restore this version')).toHaveCount(0);

  const first = versions(page).filter({ hasText: 'Captured' });
  const restore = button(first, 'Restore this version');
  await tabTo(page, restore);
  expect(await isFocusVisible(restore)).toBe(true);
  await page.keyboard.press('Enter');

  const outcome = panel.locator('.history-outcome');
  await expect(outcome).toContainText(/Restored the version from \w+/);
  await expect(outcome).toBeFocused();
  await expect(panel.getByRole('textbox', { name: 'Thought text' })).toHaveValue(FIRST);
  await expect(versions(page)).toHaveCount(4);
  await expect(versions(page).nth(0)).toContainText(/Restored the version from/);
  await expect(versions(page).nth(0).locator('ins')).toHaveText(['tomatoes before the frost #garden']);
  await expect(thoughtLink(timeline(page), FIRST)).toBeVisible();
  await expect(thoughtLink(timeline(page), THIRD)).toHaveCount(0);

  // Only the panel scrolls: nothing in the history (hidden words included) stretches the window.
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  // The whole history in the picture, rather than where focusing the outcome left the panel.
  await panel.getByRole('heading', { name: 'History' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(SCREENSHOTS, `thought-history-${colorScheme}.png`) });
    await expectAccessible(page, `thought detail with history (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  const undo = button(panel, 'Undo');
  await page.keyboard.press('Tab');
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('textbox', { name: 'Thought text' })).toHaveValue(THIRD);
  await expect(outcome).toContainText('Undone');
  await expect(undo).toHaveCount(0);
  await expect(versions(page)).toHaveCount(5);
  await expect(thoughtLink(timeline(page), THIRD)).toBeVisible();

  await page.reload();
  await expect(detailPanel(page).getByRole('textbox', { name: 'Thought text' })).toHaveValue(THIRD);
  await expect(versions(page)).toHaveCount(5);
});

test('a long history keeps older versions behind "Show N earlier"; a restore over a change made elsewhere says so', async ({ page, cairn }) => {
  const thought = await cairn.call('thoughts.capture', { text: 'version 1 of the packing list' });
  for (let version = 2; version <= 8; version += 1) {
    await cairn.call('thoughts.update', { id: thought.id, text: `version ${version} of the packing list` });
  }
  await openSignedIn(page, cairn);
  await tabTo(page, thoughtLink(timeline(page), /version 8/));
  await page.keyboard.press('Enter');
  const panel = detailPanel(page);
  await expect(panel.getByRole('textbox', { name: 'Thought text' })).toHaveValue('version 8 of the packing list');

  const history = panel.getByRole('list', { name: 'History' });
  const more = panel.getByRole('button', { name: /^Show \d+ earlier$/ });
  await expect(history.getByRole('listitem')).toHaveCount(5);
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await tabTo(page, more);
  await page.keyboard.press('Enter');
  await expect(history.getByRole('listitem').filter({ hasText: 'Captured' })).toBeVisible();
  await expect(more).toHaveCount(0);
  await expect(button(panel, 'Show fewer')).toBeFocused();

  // Someone changes the thought from a phone while this panel still shows version 8.
  await page.route('**/api/v1/thoughts.revert', async (route) => {
    await cairn.call('thoughts.update', { id: thought.id, text: 'changed on the phone' });
    await route.continue();
  });
  const captured = history.getByRole('listitem').filter({ hasText: 'Captured' });
  await tabTo(page, button(captured, 'Restore this version'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('alert')).toContainText('changed somewhere else in the meantime, so nothing was restored');
  await expect(panel.getByRole('textbox', { name: 'Thought text' })).toHaveValue('changed on the phone');
  const { events } = await cairn.call('thoughts.history', { id: thought.id });
  expect(events.filter((event) => event.type === 'thought.reverted')).toHaveLength(0);
});
