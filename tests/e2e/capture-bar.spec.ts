import { captureBox, expect, openSignedIn, test, thoughtLink, timeline, capture } from './fixtures';

test('a draft survives a reload until it is saved', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await captureBox(page).fill('half a thought about the move');
  await page.reload();
  await expect(captureBox(page)).toHaveValue('half a thought about the move');

  await captureBox(page).press('Enter');
  await expect(thoughtLink(timeline(page), 'half a thought about the move')).toBeVisible();
  await expect(captureBox(page)).toHaveValue('');
  await page.reload();
  await expect(captureBox(page)).toHaveValue('');
});

test('Esc clears the capture bar', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await captureBox(page).fill('never mind');
  await captureBox(page).press('Escape');
  await expect(captureBox(page)).toHaveValue('');
  await page.reload();
  await expect(captureBox(page)).toHaveValue('');
  const { items } = await cairn.call('thoughts.list', {});
  expect(items).toHaveLength(0);
});

test('Shift+Enter starts a new line and Enter saves both lines as one thought', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await captureBox(page).pressSequentially('first line');
  await captureBox(page).press('Shift+Enter');
  await captureBox(page).pressSequentially('second line');
  await expect(captureBox(page)).toHaveValue('first line\nsecond line');

  await captureBox(page).press('Enter');
  await expect(thoughtLink(timeline(page), /first line\s+second line/)).toBeVisible();
  const { items } = await cairn.call('thoughts.list', {});
  expect(items.map((thought) => thought.text)).toEqual(['first line\nsecond line']);
});

test('text over the size limit gets a plain explanation and nothing is lost', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await capture(page, 'an earlier thought that must stay');
  const tooLong = 'a'.repeat(100_001);

  await captureBox(page).fill(tooLong);
  await captureBox(page).press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Something in that request was not valid');
  await expect(alert).toContainText('longer than 100,000 characters');
  await expect(alert).not.toContainText(/at \w+ \(|Error:|stack/);

  await expect(captureBox(page)).toHaveValue(tooLong);
  await expect(thoughtLink(timeline(page), 'an earlier thought that must stay')).toBeVisible();
  await page.reload();
  await expect(captureBox(page)).toHaveValue(tooLong);
  const { items } = await cairn.call('thoughts.list', {});
  expect(items.map((thought) => thought.text)).toEqual(['an earlier thought that must stay']);
});
