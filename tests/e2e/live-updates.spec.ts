import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/test-core';
import { expect, openSignedIn, test, thoughtLink, timeline } from './fixtures';

test('a thought captured over the HTTP API appears in the open page', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  await expect(timeline(page).or(page.getByRole('heading', { name: 'Welcome to Cairn' }))).toBeVisible();

  const thought = await cairn.call('thoughts.capture', { text: 'sent from my phone #errands' });
  await expect(thoughtLink(timeline(page), 'sent from my phone #errands')).toBeVisible();

  await cairn.call('thoughts.archive', { id: thought.id });
  await expect(thoughtLink(timeline(page), 'sent from my phone #errands')).toHaveCount(0);
});

test('a thought added by another process (the CLI) appears in the open page', async ({ page, cairn }) => {
  await openSignedIn(page, cairn);
  // The built CLI module directly: bin/cairn.js may rebuild first, which a test must not trigger.
  const cli = pathToFileURL(join(REPO_ROOT, 'out', 'main', 'cli.js')).href;
  const script = `const { main } = await import(${JSON.stringify(cli)}); await main();`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, 'cairn', 'add', 'written in the terminal'], {
    env: { ...process.env, CAIRN_DATA_DIR: cairn.dataDir },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('Saved');
  await expect(thoughtLink(timeline(page), 'written in the terminal')).toBeVisible();
});
