import type { OperationName } from './contract';
import type { EventName } from './events';

// Plain lists, free of zod, for the sandboxed preload. The checks below make a name missing
// from either list a compile error.

export const operationNameList = [
  'thoughts.capture',
  'thoughts.list',
  'thoughts.get',
  'thoughts.update',
  'thoughts.archive',
  'thoughts.unarchive',
  'thoughts.delete',
  'thoughts.restore',
  'thoughts.history',
  'thoughts.revert',
  'search.query',
  'settings.get',
  'settings.update',
  'system.health',
  'system.diagnostics',
  'thoughts.related',
  'suggestions.list',
  'suggestions.accept',
  'suggestions.dismiss',
  'tags.accept',
  'tags.remove',
  'index.status',
  'index.pause',
  'index.resume',
  'tasks.create',
  'tasks.list',
  'tasks.update',
  'tasks.reorder',
  'tasks.delete',
  'ai.status',
  'ai.setKey',
  'ai.clearKey',
  'ai.preview',
  'checks.runNow',
  'checks.get',
  'checks.list',
  'checks.cancel',
  'insights.list',
  'insights.pin',
  'insights.dismiss',
  'insights.toTask',
  'goals.create',
  'goals.update',
  'goals.list',
  'goals.get',
  'goals.decompose',
  'goals.acceptPlan',
  'goals.discardPlan',
  'goals.linkThought',
  'desktop.status',
  'desktop.setHotkey',
] as const satisfies readonly OperationName[];

export const eventNameList = [
  'thoughts.changed',
  'index.progress',
  'suggestions.changed',
  'checks.changed',
  'insights.changed',
  'tasks.changed',
  'goals.changed',
  'settings.changed',
] as const satisfies readonly EventName[];

type Unlisted<All, Listed> = Exclude<All, Listed> extends never ? true : { missing: Exclude<All, Listed> };
export const allOperationsListed: Unlisted<OperationName, (typeof operationNameList)[number]> = true;
export const allEventsListed: Unlisted<EventName, (typeof eventNameList)[number]> = true;
