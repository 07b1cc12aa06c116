import type { Page } from '@playwright/test';
import { captureBox, expect, test, type CairnServer } from './fixtures';

async function openQuickCapture(page: Page, cairn: CairnServer) {
  // Browser mode: sign in once on the main page; the quick-capture page shares its session.
  await page.goto(cairn.loginUrl);
  await expect(captureBox(page)).toBeVisible();
  await page.goto(`${cairn.url}/capture.html`);
  const box = page.getByRole('textbox', { name: 'Quick capture' });
  await expect(box).toBeFocused();
  return box;
}

test('the quick-capture page saves a thought, shows its tags and clears', async ({ page, cairn }) => {
  const box = await openQuickCapture(page, cairn);
  await box.pressSequentially('call mum about the trip #family #weekend');
  await expect(page.getByRole('list', { name: 'Tags in this thought' }).getByRole('listitem')).toHaveText(['#family', '#weekend']);

  await box.press('Enter');
  await expect(box).toHaveValue('');
  const { items } = await cairn.call('thoughts.list', {});
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ text: 'call mum about the trip #family #weekend', source: 'quick_capture' });
  expect(items[0]?.tags.map((tag) => tag.name).sort()).toEqual(['family', 'weekend']);
});

test('quick capture: Shift+Enter is a new line and Esc keeps the draft', async ({ page, cairn }) => {
  const box = await openQuickCapture(page, cairn);
  await box.pressSequentially('one');
  await box.press('Shift+Enter');
  await box.pressSequentially('two');
  await box.press('Escape');
  await expect(box).toHaveValue('one\ntwo');
  await expect(box).not.toBeFocused();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Quick capture' })).toHaveValue('one\ntwo');
});
