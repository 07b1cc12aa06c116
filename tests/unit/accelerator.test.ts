import { describe, expect, it } from 'vitest';
import { acceleratorFromKeyEvent, acceleratorLabel, checkAccelerator } from '../../src-shared/accelerator';

describe('global hotkeys', () => {
  it('accepts usable combinations and spells them the Electron way, modifiers in a fixed order', () => {
    expect(checkAccelerator('CommandOrControl+Shift+Space', 'linux')).toEqual({ ok: true, accelerator: 'CommandOrControl+Shift+Space' });
    expect(checkAccelerator('shift + ctrl + j', 'linux')).toEqual({ ok: true, accelerator: 'Control+Shift+J' });
    expect(checkAccelerator('Alt+Cmd+Return', 'darwin')).toEqual({ ok: true, accelerator: 'Command+Alt+Enter' });
    expect(checkAccelerator('F9', 'win32')).toEqual({ ok: true, accelerator: 'F9' });
    expect(checkAccelerator('Ctrl+Alt++', 'linux')).toEqual({ ok: true, accelerator: 'Control+Alt+Plus' });
  });

  it('refuses what cannot be a hotkey, saying why', () => {
    const reason = (input: string, platform: 'linux' | 'darwin' | 'win32' = 'linux') => {
      const checked = checkAccelerator(input, platform);
      return checked.ok ? 'accepted' : checked.reason;
    };
    expect(reason('')).toBe('That is not a key combination.');
    expect(reason('Ctrl+')).toBe('That is not a key combination.');
    expect(reason('Ctrl+Shift')).toMatch(/one key together with modifiers/);
    expect(reason('Ctrl+A+B')).toMatch(/one key together with modifiers/);
    expect(reason('Shift+A')).toMatch(/would fire while you type/);
    expect(reason('J')).toMatch(/would fire while you type/);
    expect(reason('Ctrl+Banana')).toBe('"Banana" is not a key Cairn can listen for.');
    expect(reason('CommandOrControl+C')).toBe("Ctrl+C cannot be Cairn's hotkey: nearly every app uses it. Choose another combination.");
    expect(reason('Cmd+Space', 'darwin')).toMatch(/⌘Space cannot be Cairn's hotkey: macOS uses it/);
    expect(reason('Ctrl+Space', 'darwin')).toMatch(/input sources/);
    expect(reason('Alt+Tab')).toMatch(/switch or close windows/);
    expect(reason('Alt+F4', 'win32')).toMatch(/switch or close windows/);
    expect(reason('Ctrl+Alt+Delete')).toMatch(/your system uses it/);
    expect(reason('Ctrl+Alt+T')).toMatch(/your system uses it/);
    expect(reason('Super+L')).toMatch(/Windows\/Super key/);
    // The same keys are fine where no system claims them.
    expect(reason('Ctrl+Space', 'linux')).toBe('accepted');
    expect(reason('Ctrl+Alt+T', 'darwin')).toBe('accepted');
  });

  it('shows a hotkey in the words of the platform', () => {
    expect(acceleratorLabel('CommandOrControl+Shift+Space', 'linux')).toBe('Ctrl+Shift+Space');
    expect(acceleratorLabel('CommandOrControl+Shift+Space', 'darwin')).toBe('⌘⇧Space');
    expect(acceleratorLabel('Super+Alt+K', 'win32')).toBe('Win+Alt+K');
  });

  it('reads the combination a person pressed, by physical key', () => {
    const press = (key: string, code: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>>) => ({
      key,
      code,
      ctrlKey: false,
      altKey: false,
      shiftKey: false,
      metaKey: false,
      ...mods,
    });
    expect(acceleratorFromKeyEvent(press('J', 'KeyJ', { ctrlKey: true, shiftKey: true }), 'linux')).toBe('CommandOrControl+Shift+J');
    expect(acceleratorFromKeyEvent(press('@', 'Digit2', { ctrlKey: true, shiftKey: true }), 'linux')).toBe('CommandOrControl+Shift+2');
    expect(acceleratorFromKeyEvent(press('∆', 'KeyJ', { metaKey: true, altKey: true }), 'darwin')).toBe('CommandOrControl+Alt+J');
    expect(acceleratorFromKeyEvent(press(' ', 'Space', { ctrlKey: true }), 'darwin')).toBe('Control+Space');
    expect(acceleratorFromKeyEvent(press('ArrowUp', 'ArrowUp', { altKey: true }), 'linux')).toBe('Alt+Up');
    expect(acceleratorFromKeyEvent(press('Control', 'ControlLeft', { ctrlKey: true }), 'linux')).toBeUndefined();
    expect(acceleratorFromKeyEvent(press('Shift', 'ShiftLeft', { shiftKey: true }), 'linux')).toBeUndefined();
  });
});
