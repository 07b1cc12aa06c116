import type { z } from 'zod';
import { aiContract } from './ai';
import { checksContract } from './checks';
import { desktopContract } from './desktop';
import { goalsContract } from './goals';
import { intelligenceContract } from './intelligence';
import { searchContract } from './search';
import { settingsContract } from './settings';
import { systemContract } from './system';
import { tasksContract } from './tasks';
import { thoughtsContract } from './thoughts';

/** Every operation the UI, scripts and the CLI can ask of Cairn, declared once. */
export const contract = {
  ...thoughtsContract,
  ...searchContract,
  ...settingsContract,
  ...systemContract,
  ...intelligenceContract,
  ...tasksContract,
  ...aiContract,
  ...checksContract,
  ...goalsContract,
  ...desktopContract,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;

export const operationNames = Object.keys(contract) as OperationName[];

export function isOperationName(value: string): value is OperationName {
  return Object.hasOwn(contract, value);
}

/** What a caller sends (before defaults are applied). */
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Contract[K]['output']>;

/** Who is calling: lets a handler pick defaults such as a thought's source. */
export interface CallContext {
  door: 'ipc' | 'http' | 'cli';
}

/** The one handler table; main registers it behind IPC and HTTP. */
export type Handlers = {
  [K in OperationName]: (input: ParsedInput<K>, context: CallContext) => Promise<OperationOutput<K>>;
};

type ApiMethod<K extends OperationName> = object extends OperationInput<K>
  ? (input?: OperationInput<K>) => Promise<OperationOutput<K>>
  : (input: OperationInput<K>) => Promise<OperationOutput<K>>;

/** The typed client surface the renderer talks to, whatever the transport. */
export type CairnApi = { [K in OperationName]: ApiMethod<K> };

export * from './ai';
export * from './checks';
export * from './common';
export * from './desktop';
export * from './goals';
export * from './intelligence';
export * from './search';
export * from './settings';
export * from './system';
export * from './tasks';
export * from './thoughts';
