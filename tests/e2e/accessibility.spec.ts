import type { Page } from '@playwright/test';
import { validCheckAnswer } from '../helpers/ai-core';
import { aiTest as test } from './ai-fixtures';
import { detailPanel, expect, openSignedIn, thoughtLink, timeline } from './fixtures';
import { expectAccessible } from './view-checks';

function tab(page: Page, name: string) {
  // "Suggestions 1 waiting": the count is part of that tab's name.
  return page.getByRole('tab', { name: new RegExp(`^${name}`) });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every view has no serious or critical accessibility violation (${colorScheme})`, async ({ page, cairn, fakes }) => {
    fakes.ollama.answer = validCheckAnswer;
    await page.emulateMedia({ colorScheme });
    await cairn.call('thoughts.capture', { text: 'Need to call the dentist tomorrow at 3pm #health' });
    await cairn.call('thoughts.capture', { text: 'Slept badly again, woke up at 4am' });
    const goal = await cairn.call('goals.create', { title: 'Sleep eight hours', lifeArea: 'Health' });
    await cairn.call('settings.update', { patch: { aiProviders: ['offline'] } });
    await cairn.call('goals.decompose', { id: goal.id });
    await cairn.call('settings.update', { patch: { aiProviders: ['ollama', 'offline'] } });
    const { runId } = await cairn.call('checks.runNow', {});
    await expect.poll(async () => (await cairn.call('checks.get', { id: runId })).status).toBe('succeeded');

    await page.goto(cairn.url);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(page, 'sign-in');

    await openSignedIn(page, cairn);
    await expect(timeline(page).getByRole('link')).toHaveCount(2);
    await expectAccessible(page, 'stream');

    await thoughtLink(timeline(page), /dentist/).click();
    await expect(detailPanel(page)).toBeVisible();
    await expectAccessible(page, 'thought detail');
    await page.keyboard.press('Escape');

    await page.getByRole('searchbox', { name: 'Search thoughts' }).fill('dentist');
    await expect(page.getByRole('link', { name: /dentist/ }).first()).toBeVisible();
    await expectAccessible(page, 'search results');
    await page.getByRole('searchbox', { name: 'Search thoughts' }).fill('');

    for (const [name, ready] of [
      ['Suggestions', /call the dentist/i],
      ['Insights', /Sleep keeps coming up/],
      ['Goals', /Sleep eight hours/],
      ['Settings', /Ollama \(on this computer\)/],
    ] as const) {
      await tab(page, name).click();
      await expect(page.getByText(ready).first()).toBeVisible();
      if (name === 'Goals') {
        await page.getByRole('button', { name: /Sleep eight hours/ }).click();
        await expect(page.getByRole('region', { name: /Proposed plan/ })).toBeVisible();
      }
      if (name === 'Settings') await expect(page.getByRole('list', { name: 'AI backends' })).toHaveAttribute('aria-busy', 'false');
      await expectAccessible(page, name);
    }

    await page.goto(`${cairn.url}/capture.html`);
    await expect(page.getByRole('textbox').first()).toBeVisible();
    await expectAccessible(page, 'quick capture');
  });
}
