import { captureBox, expect, test } from './fixtures';

test('without a token the sign-in screen explains the printed link', async ({ page, cairn }) => {
  await page.goto(cairn.url);
  await expect(page.getByRole('heading', { name: 'Sign in to Cairn' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('prints a one-time link in the terminal');
  await expect(captureBox(page)).toHaveCount(0);
});

test('a wrong token is refused calmly and a pasted token signs in', async ({ page, cairn }) => {
  await page.goto(cairn.url);
  const field = page.getByLabel('API token');
  await field.fill('this-is-not-the-right-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('That token was not accepted');
  await expect(page.getByRole('heading', { name: 'Sign in to Cairn' })).toBeVisible();

  await field.fill(cairn.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(captureBox(page)).toBeVisible();
  await page.reload();
  await expect(captureBox(page)).toBeVisible();
});

test('the one-time link signs in, leaves no code in the address, and works only once', async ({ page, browser, cairn }) => {
  await page.goto(cairn.loginUrl);
  await expect(captureBox(page)).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');

  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto(cairn.loginUrl);
    await expect(second.getByRole('heading', { name: 'Sign in to Cairn' })).toBeVisible();
    await expect(second.getByRole('alert')).toContainText('already used or has expired');
  } finally {
    await other.close();
  }
});

test('the link pasted into a tab showing the sign-in screen signs in', async ({ page, cairn }) => {
  await page.goto(cairn.url);
  await expect(page.getByRole('heading', { name: 'Sign in to Cairn' })).toBeVisible();
  await page.goto(cairn.loginUrl);
  await expect(captureBox(page)).toBeVisible();
});

test('a stored token the server no longer accepts leads back to sign-in', async ({ page, cairn }) => {
  await page.goto(cairn.url);
  await page.evaluate(() => window.localStorage.setItem('cairn.sessionToken', 'revoked-token-from-an-old-run'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Cairn' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('no longer valid');
});
