import type { Handlers, IndexStatus } from '../../src-shared/contract';
import { createAiHandlers, type AiHandlerServices } from './ai-handlers';
import type { IndexService } from './indexing/index-service';
import { relatedThoughts } from './indexing/meaning';
import type { Database } from './db/open-database';
import type { SearchService } from './search/search-service';
import type { SuggestionService } from './suggestions/suggestion-service';
import type { TagService } from './tags/tag-service';
import type { SettingsService } from './settings/settings-service';
import type { HealthService } from './system/health-service';
import type { ThoughtService } from './thoughts/thought-service';

export interface HandlerServices extends AiHandlerServices {
  thoughts: ThoughtService;
  search: SearchService;
  settings: SettingsService;
  health: HealthService;
  suggestions: SuggestionService;
  tags: TagService;
  /** Absent in the one-shot CLI. */
  index: IndexService | undefined;
  db: Database;
  /** After a settings change (the index may need another model). */
  onSettingsChanged(keys: readonly string[]): void;
}

/** What a process without background work (the CLI) reports. */
const NO_INDEX: IndexStatus = {
  state: 'unavailable',
  model: null,
  message: 'This process does not index thoughts; the app and the server do.',
  total: 0,
  embedded: 0,
  ratePerSecond: null,
  etaSeconds: null,
};

/** The one handler table behind both doors. `satisfies` makes a missing operation a compile error. */
export function createHandlers(services: HandlerServices): Handlers {
  const { thoughts, search, settings, health, suggestions, tags, index, db } = services;
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
    'settings.update': async ({ patch }) => {
      const updated = settings.update(patch);
      services.onSettingsChanged(Object.keys(patch));
      return updated;
    },
    'system.health': async () => health.health(),
    'thoughts.related': async ({ id, limit }) => {
      if (index !== undefined) return relatedThoughts(db, index, id, limit);
      thoughts.get(id);
      return { items: [], indexed: false };
    },
    'suggestions.list': async (input) => suggestions.list(input),
    'suggestions.accept': async (input) => suggestions.accept(input),
    'suggestions.dismiss': async ({ id }) => suggestions.dismiss(id),
    'tags.accept': async ({ thoughtId, name }) => tags.accept(thoughtId, name),
    'tags.remove': async ({ thoughtId, name }) => tags.remove(thoughtId, name),
    'index.status': async () => index?.status() ?? NO_INDEX,
    ...createAiHandlers(services),
  } satisfies Handlers;
}
