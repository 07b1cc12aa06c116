import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartEntry, autostartFile, setLinuxAutostart } from '../../src-main/shell/autostart-entry';
import { fitToDisplays, readWindowBounds, writeWindowBounds } from '../../src-main/shell/window-bounds';
import { tempDir } from '../helpers/test-core';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('the main window comes back where it was', () => {
  it('keeps bounds that still fit, and brings a window from an unplugged monitor back on screen', () => {
    const onMonitor = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(onMonitor, [laptop, monitor])).toEqual(onMonitor);
    expect(fitToDisplays(onMonitor, [laptop])).toEqual({ x: 240, y: 100, width: 1200, height: 800, maximized: false });
    const huge = { x: 1500, y: -50, width: 3000, height: 2000, maximized: true };
    expect(fitToDisplays(huge, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 900, maximized: true });
    expect(fitToDisplays(onMonitor, [])).toBeUndefined();
  });

  it('reads what it wrote, and treats a missing or damaged file as no saved position', () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, 'window-state.json');
      expect(readWindowBounds(file)).toBeUndefined();
      writeWindowBounds(file, { x: 10, y: 20, width: 900, height: 700, maximized: false });
      expect(readWindowBounds(file)).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: false });
      writeFileSync(file, '{"x": 10, "y"');
      expect(readWindowBounds(file)).toBeUndefined();
      writeFileSync(file, JSON.stringify({ x: 1, y: 1, width: -5, height: 700, maximized: false }));
      expect(readWindowBounds(file)).toBeUndefined();
    } finally {
      dir.remove();
    }
  });
});

describe('start at login on Linux', () => {
  it('writes a desktop entry that starts Cairn hidden, and removes it when turned off', () => {
    const dir = tempDir();
    try {
      const file = autostartFile({ XDG_CONFIG_HOME: dir.path });
      expect(file).toBe(join(dir.path, 'autostart', 'cairn.desktop'));
      setLinuxAutostart(true, '/opt/Cairn/cairn', file);
      expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Cairn/cairn" --hidden');
      setLinuxAutostart(false, '/opt/Cairn/cairn', file);
      setLinuxAutostart(false, '/opt/Cairn/cairn', file);
      expect(() => readFileSync(file)).toThrow();
    } finally {
      dir.remove();
    }
  });

  it('quotes a path with spaces and shell characters', () => {
    expect(autostartEntry('/home/ana/My Apps/Cairn $1.AppImage')).toContain('Exec="/home/ana/My Apps/Cairn \\$1.AppImage" --hidden');
  });
});
