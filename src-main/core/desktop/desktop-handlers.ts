import type { Handlers } from '../../../src-shared/contract';
import type { DesktopService } from './desktop-service';

export function createDesktopHandlers(
  desktop: DesktopService,
  onSettingsChanged: (keys: readonly string[]) => void,
): Pick<Handlers, 'desktop.status' | 'desktop.setHotkey'> {
  return {
    'desktop.status': async () => desktop.status(),
    'desktop.setHotkey': async ({ accelerator }) => {
      desktop.setHotkey(accelerator);
      onSettingsChanged(['captureHotkey']);
      return desktop.status();
    },
  };
}
