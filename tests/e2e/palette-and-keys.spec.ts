import type { Page } from '@playwright/test';
import { capture, captureBox, detailPanel, expect, openSignedIn, test, thoughtLink, timeline } from './fixtures';
import { expectAccessible, shoot } from './view-checks';

// The keyboard-first shell: command palette, shortcuts sheet, "g" chords, the first-run welcome
// and Settings → Capture and appearance, all without the mouse.

function palette(page: Page) {
  return page.getByRole('dialog', { name: 'Command palette' });
}

async function runCommand(page: Page, words: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect(palette(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);
}

test('the command palette reaches views and actions, and gives focus back on Esc', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await capture(page, 'Book the train to Lyon');
  await captureBox(page).focus();

  await page.keyboard.press('Control+k');
  const input = palette(page).getByRole('combobox', { name: 'Type a command' });
  await expect(input).toBeFocused();
  await expect(palette(page).getByRole('option', { name: /Capture a thought/ })).toBeVisible();
  await page.keyboard.type('insig');
  await expect(palette(page).getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(palette(page).getByRole('option').first()).toContainText('Insights');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);
  await expect(captureBox(page)).toBeFocused();

  await runCommand(page, 'goals');
  await expect(page.getByRole('tab', { name: 'Goals' })).toHaveAttribute('aria-selected', 'true');
  await runCommand(page, 'new goal');
  await expect(page.getByRole('textbox', { name: 'Goal' })).toBeFocused();

  // Arrow keys choose among matches; the search fallback carries what was typed.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Lyon');
  await expect(palette(page).getByRole('option', { name: /Search your thoughts for “Lyon”/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('searchbox', { name: 'Search thoughts' })).toHaveValue('Lyon');
  await expect(page.getByRole('link', { name: /Book the train to Lyon/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search thoughts' }).fill('');

  // With a thought open, its actions are there too.
  await runCommand(page, 'stream');
  await thoughtLink(timeline(page), 'Book the train to Lyon').focus();
  await page.keyboard.press('Enter');
  await expect(detailPanel(page)).toBeVisible();
  await runCommand(page, 'archive the open');
  await expect(detailPanel(page).getByText(/Archived/).first()).toBeVisible();
  expect((await cairn.call('thoughts.list', { view: 'archived' })).items.map((item) => item.text)).toEqual(['Book the train to Lyon']);

  // Long work can be paused from the palette too.
  await runCommand(page, 'pause indexing');
  await expect(page.getByText(/Indexing paused/)).toBeVisible();
  expect((await cairn.call('index.status', {})).paused).toBe(true);
  await runCommand(page, 'resume indexing');
  await expect.poll(async () => (await cairn.call('index.status', {})).paused).toBe(false);

  // Words no command has are offered as a search.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('zzqx');
  await expect(palette(page).getByRole('option')).toHaveText(['Search · Search your thoughts for “zzqx”']);
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toHaveCount(0);
});

test('? lists the shortcuts; g chords switch views; n starts a capture', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await page.getByRole('heading', { name: 'Cairn', exact: true }).click();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('region', { name: 'Go to' })).toContainText('Insights');
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page.getByRole('tab', { name: 'Insights' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Insights' })).toBeFocused();
  await page.keyboard.press('g');
  await page.keyboard.press(',');
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('n');
  await expect(captureBox(page)).toBeFocused();
  // Letters typed into a field are text, not shortcuts.
  await page.keyboard.type('g i n ?');
  await expect(captureBox(page)).toHaveValue('g i n ?');
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
});

test('first run: the welcome explains capture, where data lives and the AI choice', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  const welcome = page.getByRole('region', { name: 'Welcome to Cairn' });
  await expect(welcome).toContainText('Press N anywhere in Cairn');
  await expect(welcome).toContainText(`${cairn.dataDir}/cairn.db`);
  const choices = welcome.getByRole('group', { name: 'AI for checks' });
  await expect(choices.getByRole('button', { name: /A model on this computer/ })).toHaveAttribute('aria-pressed', 'true');

  await choices.getByRole('button', { name: /No model/ }).focus();
  await page.keyboard.press('Enter');
  await expect(choices.getByRole('button', { name: /No model/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(welcome.getByRole('status')).toHaveText('Checks will use: No model.');
  expect((await cairn.call('settings.get', {})).aiProviders).toEqual(['offline']);

  await choices.getByRole('button', { name: /Claude/ }).focus();
  await page.keyboard.press('Enter');
  await expect(welcome.getByRole('button', { name: 'Add your Anthropic API key in Settings' })).toBeVisible();

  // The first thought replaces the welcome with the stream.
  await capture(page, 'My first thought');
  await expect(welcome).toHaveCount(0);
});

test('Settings: theme, and a hotkey that must be a usable combination', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await page.getByRole('heading', { name: 'Cairn', exact: true }).click();
  await page.keyboard.press('g');
  await page.keyboard.press(',');
  const general = page.getByRole('region', { name: 'Capture and appearance' });
  await expect(general).toContainText('Ctrl+Shift+Space');
  await expect(general).toContainText('The global hotkey works in the desktop app');
  await expect(general.getByRole('checkbox', { name: 'Start Cairn when I log in' })).toBeDisabled();

  await general.getByRole('radio', { name: 'Dark' }).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await cairn.call('settings.get', {})).theme).toBe('dark');

  // Ctrl+C belongs to every app: refused, in words, and nothing changes.
  const change = general.getByRole('button', { name: 'Change hotkey…' });
  await change.focus();
  await page.keyboard.press('Enter');
  await expect(general.getByRole('button', { name: /Press the new combination/ })).toBeFocused();
  await page.keyboard.press('Control+c');
  await expect(general.getByRole('alert')).toContainText("Ctrl+C cannot be Cairn's hotkey");
  expect((await cairn.call('settings.get', {})).captureHotkey).toBe('CommandOrControl+Shift+Space');

  await general.getByRole('button', { name: 'Change hotkey…' }).press('Enter');
  await page.keyboard.press('Control+Alt+j');
  await expect(general).toContainText('Ctrl+Alt+J');
  expect((await cairn.call('settings.get', {})).captureHotkey).toBe('CommandOrControl+Alt+J');
  await general.getByRole('button', { name: 'Back to the default' }).press('Enter');
  await expect(general).toContainText('Ctrl+Shift+Space');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`welcome, palette, shortcuts and settings look right and pass axe (${colorScheme})`, async ({ page, cairn }) => {
    await page.emulateMedia({ colorScheme });
    await openSignedIn(page, cairn);
    await expect(page.getByRole('region', { name: 'Welcome to Cairn' })).toContainText('cairn.db');
    await shoot(page, `welcome-${colorScheme}`);
    await expectAccessible(page, 'welcome');

    await page.keyboard.press('Control+k');
    await expect(palette(page).getByRole('option').first()).toBeVisible();
    await shoot(page, `palette-${colorScheme}`);
    await expectAccessible(page, 'palette');
    await page.keyboard.press('Escape');

    await page.getByRole('heading', { name: 'Cairn', exact: true }).click();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await shoot(page, `shortcuts-${colorScheme}`);
    await expectAccessible(page, 'shortcuts');
    await page.keyboard.press('Escape');

    await page.keyboard.press('g');
    await page.keyboard.press(',');
    await expect(page.getByRole('list', { name: 'AI backends' })).toHaveAttribute('aria-busy', 'false');
    await shoot(page, `settings-${colorScheme}`);
    await expectAccessible(page, 'settings');
  });
}
