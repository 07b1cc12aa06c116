import type { Handlers } from '../../src-shared/contract';
import type { SearchService } from './search/search-service';
import type { SettingsService } from './settings/settings-service';
import type { HealthService } from './system/health-service';
import type { ThoughtService } from './thoughts/thought-service';

export interface HandlerServices {
  thoughts: ThoughtService;
  search: SearchService;
  settings: SettingsService;
  health: HealthService;
}

/** The one handler table behind both doors. `satisfies` makes a missing operation a compile error. */
export function createHandlers({ thoughts, search, settings, health }: HandlerServices): Handlers {
  return {
    'thoughts.capture': async (input, context) => thoughts.capture(input, context),
    'thoughts.list': async (input) => thoughts.list(input),
    'thoughts.get': async ({ id }) => thoughts.get(id),
    'thoughts.update': async (input) => thoughts.update(input),
    'thoughts.archive': async ({ id }) => thoughts.archive(id),
    'thoughts.unarchive': async ({ id }) => thoughts.unarchive(id),
    'thoughts.delete': async ({ id }) => thoughts.delete(id),
    'thoughts.restore': async ({ id }) => thoughts.restore(id),
    'thoughts.history': async ({ id }) => thoughts.history(id),
    'search.query': async (input) => search.query(input),
    'settings.get': async () => settings.get(),
    'settings.update': async ({ patch }) => settings.update(patch),
    'system.health': async () => health.health(),
  } satisfies Handlers;
}
