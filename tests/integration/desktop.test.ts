import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopPort } from '../../src-main/core/desktop/desktop-service';
import { call, callFailing } from '../helpers/call';
import { createTestCore, type TestCore } from '../helpers/test-core';

/**
 * The OS side of a global hotkey, as Electron's globalShortcut behaves: one registration at a
 * time, refused for combinations another app holds. Electron cannot run here; this stands in
 * for the shell's port and nothing else.
 */
function fakeShell(heldByOtherApps: readonly string[]) {
  const shell = {
    registered: undefined as string | undefined,
    login: [] as boolean[],
    port: {
      registerHotkey(accelerator: string) {
        shell.registered = undefined;
        if (heldByOtherApps.includes(accelerator)) return false;
        shell.registered = accelerator;
        return true;
      },
      setLaunchAtLogin: (enabled: boolean) => void shell.login.push(enabled),
    } satisfies DesktopPort,
  };
  return shell;
}

describe('desktop integration through the core', () => {
  let core: TestCore;
  const events: { event: string; payload: unknown }[] = [];

  beforeEach(() => {
    core = createTestCore();
    events.length = 0;
    core.bus.subscribe((event, payload) => void events.push({ event, payload }));
  });
  afterEach(async () => core.cleanup());

  it('in browser mode reports no hotkey and no login item, but keeps a valid hotkey for the desktop app', async () => {
    const status = await call(core, 'desktop.status', {});
    expect(status).toMatchObject({
      mode: 'browser',
      dataDir: core.dataDir,
      hotkey: { accelerator: 'CommandOrControl+Shift+Space', state: 'unavailable' },
      launchAtLogin: { supported: false, enabled: false },
    });
    const changed = await call(core, 'desktop.setHotkey', { accelerator: 'ctrl+alt+j' });
    expect(changed.hotkey.accelerator).toBe('Control+Alt+J');
    expect((await call(core, 'settings.get', {})).captureHotkey).toBe('Control+Alt+J');
    expect(events).toContainEqual({ event: 'settings.changed', payload: { keys: ['captureHotkey'] } });
  });

  it('takes the hotkey from the system at start, and reports plainly when another app holds it', async () => {
    const shell = fakeShell(['CommandOrControl+Shift+Space']);
    core.desktop.attach(shell.port);
    const status = await call(core, 'desktop.status', {});
    expect(status.mode).toBe('desktop');
    expect(status.hotkey.state).toBe('refused');
    expect(status.hotkey.message).toContain('is taken by another app or by your system');
    expect(status.launchAtLogin.supported).toBe(true);
    expect(shell.login).toEqual([false]);
  });

  it('keeps the old hotkey when the system refuses the new one, and saves nothing', async () => {
    const shell = fakeShell(['Control+Alt+K']);
    core.desktop.attach(shell.port);
    expect(shell.registered).toBe('CommandOrControl+Shift+Space');

    const refused = await callFailing(core, 'desktop.setHotkey', { accelerator: 'Ctrl+Alt+K' });
    expect(refused.code).toBe('hotkey_refused');
    expect(refused.message).toBe('Ctrl+Alt+K is taken by another app or by your system. Choose another combination in Settings.');
    expect(shell.registered).toBe('CommandOrControl+Shift+Space');
    expect((await call(core, 'settings.get', {})).captureHotkey).toBe('CommandOrControl+Shift+Space');
    expect((await call(core, 'desktop.status', {})).hotkey.state).toBe('active');

    await call(core, 'desktop.setHotkey', { accelerator: 'Ctrl+Alt+J' });
    expect(shell.registered).toBe('Control+Alt+J');
  });

  it('checks a hotkey sent through settings.update the same way', async () => {
    const shell = fakeShell(['Control+Alt+K']);
    core.desktop.attach(shell.port);
    expect((await callFailing(core, 'settings.update', { patch: { captureHotkey: 'Ctrl+Alt+K', theme: 'dark' } })).code).toBe('hotkey_refused');
    // Nothing of a refused patch is saved.
    expect((await call(core, 'settings.get', {})).theme).toBe('system');
    const bad = await callFailing(core, 'settings.update', { patch: { captureHotkey: 'Ctrl+C' } });
    expect(bad).toMatchObject({ code: 'invalid_input', details: { field: 'accelerator' } });
    expect(bad.message).toContain('nearly every app uses it');
    await call(core, 'settings.update', { patch: { captureHotkey: 'Alt+Shift+N', launchAtLogin: true } });
    expect(shell.registered).toBe('Alt+Shift+N');
    expect(shell.login).toEqual([false, true]);
    expect(events.filter((entry) => entry.event === 'settings.changed').at(-1)?.payload).toEqual({ keys: ['launchAtLogin', 'captureHotkey'] });
  });

  it('refuses bad input with stable codes', async () => {
    for (const input of [{}, { accelerator: '' }, { accelerator: 'x'.repeat(65) }, { accelerator: 42 }, { accelerator: 'Ctrl+J', extra: 1 }]) {
      expect((await callFailing(core, 'desktop.setHotkey', input)).code).toBe('invalid_input');
    }
    for (const accelerator of ['Ctrl+', 'Shift+A', 'Ctrl+Shift', 'Ctrl+NotAKey', 'Alt+Tab']) {
      expect((await callFailing(core, 'desktop.setHotkey', { accelerator })).code).toBe('invalid_input');
    }
    expect((await call(core, 'settings.get', {})).captureHotkey).toBe('CommandOrControl+Shift+Space');
  });
});
