import { randomBytes } from 'node:crypto';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { OperationInput, OperationName, OperationOutput } from '../../src-shared/contract';
import { startServerProcess } from '../helpers/server-process';
import { tempDir } from '../helpers/test-core';

/** One real headless Cairn server per test: its own data folder, token and one-time link. */
export interface CairnServer {
  url: string;
  /** The one-time browser sign-in link the server printed. */
  loginUrl: string;
  /** The API token (for scripts, phones and pasting into the sign-in screen). */
  token: string;
  dataDir: string;
  /** Calls the HTTP API from outside the page, as a script or phone would. */
  call<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
}

/** Runs `use` with a fresh server process; `env` reaches the server (e.g. ANTHROPIC_BASE_URL). */
export async function withCairnServer(env: NodeJS.ProcessEnv, use: (server: CairnServer) => Promise<void>): Promise<void> {
  const dir = tempDir('cairn-e2e-');
  const token = randomBytes(24).toString('base64url');
  const server = await startServerProcess({ dataDir: dir.path, token, env });
  try {
    await use({
      url: server.url,
      loginUrl: server.loginUrl,
      token,
      dataDir: dir.path,
      async call(operation, input) {
        const response = await fetch(`${server.url}/api/v1/${operation}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        });
        const body: unknown = await response.json();
        if (!response.ok) throw new Error(`${operation} failed: ${JSON.stringify(body)}`);
        return body as OperationOutput<typeof operation>;
      },
    });
  } finally {
    await server.stop();
    dir.remove();
  }
}

export const test = base.extend<{ cairn: CairnServer }>({
  // Playwright reads a fixture's dependencies from this pattern; the server needs none.
  // eslint-disable-next-line no-empty-pattern
  cairn: async ({}, use) => withCairnServer({}, use),
});

export { expect };

/** Signs in with the one-time link and waits until the main window is ready. */
export async function openSignedIn(page: Page, cairn: CairnServer): Promise<void> {
  await page.goto(cairn.loginUrl);
  await expect(captureBox(page)).toBeVisible();
}

export function captureBox(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Capture a thought' });
}

export function timeline(page: Page): Locator {
  return page.getByRole('list', { name: 'Thoughts' });
}

/** A thought in the timeline or the search results, found by its text. */
export function thoughtLink(scope: Locator, text: string | RegExp): Locator {
  return scope.getByRole('link', { name: text });
}

export function detailPanel(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Thought' });
}

export async function capture(page: Page, text: string): Promise<void> {
  await captureBox(page).fill(text);
  await captureBox(page).press('Enter');
  await expect(thoughtLink(timeline(page), text)).toBeVisible();
}

/** Buttons are matched exactly: a thought's own text may contain words like "Save". */
export function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}
