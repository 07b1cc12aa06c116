import type { Handlers, IndexStatus } from '../../src-shared/contract';
import { createAiHandlers, type AiHandlerServices } from './ai-handlers';
import { createDesktopHandlers } from './desktop/desktop-handlers';
import type { DesktopService } from './desktop/desktop-service';
import type { IndexService } from './indexing/index-service';
import type { IndexPause } from './indexing/index-pause';
import { relatedThoughts } from './indexing/meaning';
import type { Database } from './db/open-database';
import type { SearchService } from './search/search-service';
import type { SuggestionService } from './suggestions/suggestion-service';
import type { TagService } from './tags/tag-service';
import type { SettingsService } from './settings/settings-service';
import type { HealthService } from './system/health-service';
import type { DiagnosticsService } from './system/diagnostics-service';
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
  indexPause: IndexPause;
  diagnostics: DiagnosticsService;
  db: Database;
  desktop: DesktopService;
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
  paused: false,
};

/** The one handler table behind both doors. `satisfies` makes a missing operation a compile error. */
export function createHandlers(services: HandlerServices): Handlers {
  const { thoughts, search, settings, health, suggestions, tags, index, db } = services;
  const indexStatus = (): IndexStatus => index?.status() ?? { ...NO_INDEX, paused: services.indexPause.isPaused() };
  // Through settings, like any change of `indexingPaused`: stored (a pause survives a restart),
  // then taken up by the index and the job runner.
  const setIndexingPaused = (paused: boolean): IndexStatus => {
    settings.update({ indexingPaused: paused });
    services.onSettingsChanged(['indexingPaused']);
    return indexStatus();
  };
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
    'thoughts.revert': async (input) => thoughts.revert(input),
    'search.query': async (input) => search.query(input),
    'settings.get': async () => settings.get(),
    'settings.update': async ({ patch: { captureHotkey, ...patch } }) => {
      // A hotkey is checked, and taken from the system, before it is saved.
      if (captureHotkey !== undefined) services.desktop.setHotkey(captureHotkey);
      const updated = settings.update(patch);
      services.desktop.onSettingsChanged(patch);
      services.onSettingsChanged([...Object.keys(patch), ...(captureHotkey === undefined ? [] : ['captureHotkey'])]);
      return updated;
    },
    'system.health': async () => health.health(),
    'system.diagnostics': async () => services.diagnostics.diagnostics(),
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
    'index.status': async () => indexStatus(),
    'index.pause': async () => setIndexingPaused(true),
    'index.resume': async () => setIndexingPaused(false),
    ...createAiHandlers(services),
    ...createDesktopHandlers(services.desktop, (keys) => services.onSettingsChanged(keys)),
  } satisfies Handlers;
}
