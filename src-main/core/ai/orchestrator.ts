import type { z } from 'zod';
import type { AiProviderId } from '../../../src-shared/contract';
import { AppError, type ErrorCode } from '../../../src-shared/errors';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { CircuitBreaker, DEFAULT_BREAKER, type BreakerOptions } from './circuit-breaker';
import { classifyProviderError, PROVIDER_NAMES } from './classify-provider-error';
import type { LlmProvider } from './provider';
import { ProviderError } from './provider-error';
import type { RequestLog } from './request-log';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './retry-policy';
import { jsonSchemaOf, parseStructured, repairPrompt } from './structured-output';

/** A prompt built for one backend, within its budget, and what it carries. */
export interface BuiltPrompt {
  system: string;
  prompt: string;
  /** The thoughts whose text is in the prompt (what "sent N thoughts" counts). */
  thoughtIds: string[];
  /** Said in the run record, e.g. "sampled 400 of 5,000 thoughts to fit the model's context". */
  notes: string[];
  /** Thought ids by reference number: the prompt calls thought `refs[i]` "T{i+1}". */
  refs: string[];
}

export interface PromptTarget {
  provider: AiProviderId;
  /** Private thoughts must stay out of prompts for remote backends. */
  remote: boolean;
  /** Tokens the prompt itself may take. */
  budgetTokens: number;
}

/**
 * One kind of AI work (a check, a goal plan): the prompt, the schema a model's answer must match,
 * how a valid answer becomes the result (e.g. "T3" back to a thought id), and the offline result.
 */
export interface AiTask<Input, Answer, Output> {
  purpose: string;
  schemaName: string;
  schema: z.ZodType<Answer>;
  maxOutputTokens: number;
  /** Attempts per backend; someone waiting on the answer (a goal plan) gets fewer than a check. */
  maxAttempts?: number;
  prompt(input: Input, target: PromptTarget): BuiltPrompt;
  accept(answer: Answer, prompt: BuiltPrompt, input: Input): Output;
  /** The offline provider: real output without a model. */
  offline(input: Input, signal: AbortSignal): Promise<Output>;
}

export interface AttemptRecord {
  provider: AiProviderId;
  code: ErrorCode;
  message: string;
  hint: string | null;
}

export interface TaskOutcome<Output> {
  output: Output;
  provider: AiProviderId;
  model: string | null;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
  /** Thoughts whose text left the process in a prompt (to any backend). */
  sentThoughtIds: string[];
  notes: string[];
  /** Backends tried before the one that answered, and why each did not. */
  failures: AttemptRecord[];
}

export interface OrchestratorDeps {
  providers: Record<Exclude<AiProviderId, 'offline'>, LlmProvider>;
  order: () => readonly AiProviderId[];
  timeoutMs: () => number;
  log: RequestLog;
  clock: Clock;
  logger: Logger;
  retry?: RetryPolicy;
  breaker?: BreakerOptions;
  /** Waits between attempts; tests record the delays instead of sleeping. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface RunOptions {
  /** The check run (or goal) this work belongs to, for the request log. */
  runId: string;
  signal: AbortSignal;
  /** Overrides the person's order for this run (e.g. offline only when there is nothing to send). */
  order?: readonly AiProviderId[];
}

/** What a backend's requests share across retries: the model, the prompt and the answer's schema. */
interface Prepared {
  model: string;
  built: BuiltPrompt;
  schema: Record<string, unknown>;
}

/** Fraction of the context kept free besides the answer (token estimates are rough). */
const CONTEXT_MARGIN = 0.1;

/** Tokens a prompt may take in a context of `contextTokens`, leaving room for the answer. */
export function promptBudget(contextTokens: number, maxOutputTokens: number): number {
  return Math.max(256, Math.floor(contextTokens * (1 - CONTEXT_MARGIN)) - maxOutputTokens);
}

/**
 * Runs AI tasks over the backends in the person's order: timeouts, bounded retries with backoff
 * (Retry-After honoured), a circuit breaker per backend, fallback to the next, one repair attempt
 * for an invalid answer, and a log line per outbound request (never its content).
 */
export function createOrchestrator(deps: OrchestratorDeps) {
  const retry = deps.retry ?? DEFAULT_RETRY;
  const sleep = deps.sleep ?? abortableSleep;
  const breakers = new Map<AiProviderId, CircuitBreaker>();
  const breakerOf = (id: AiProviderId): CircuitBreaker => {
    let breaker = breakers.get(id);
    if (breaker === undefined) {
      breaker = new CircuitBreaker(deps.clock, deps.breaker ?? DEFAULT_BREAKER);
      breakers.set(id, breaker);
    }
    return breaker;
  };

  /** One request with its own deadline; the caller's cancellation passes through unchanged. */
  async function call<T>(provider: LlmProvider, signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>, model?: string): Promise<T> {
    const timeoutMs = deps.timeoutMs();
    const deadline = AbortSignal.timeout(timeoutMs);
    const combined = AbortSignal.any([signal, deadline]);
    try {
      return await work(combined);
    } catch (error) {
      signal.throwIfAborted();
      throw classifyProviderError(provider.id, error, { timedOut: deadline.aborted, timeoutMs, model });
    }
  }

  async function runOnProvider<Input, Answer, Output>(
    provider: LlmProvider,
    task: AiTask<Input, Answer, Output>,
    input: Input,
    options: RunOptions,
    prepared: { value?: Prepared },
  ): Promise<TaskOutcome<Output>> {
    // A retry sends the same prompt: it is built once per backend (5,000 thoughts take ~40 ms).
    prepared.value ??= await (async () => {
      const model = await call(provider, options.signal, (signal) => provider.resolveModel(signal));
      const context = await call(provider, options.signal, (signal) => provider.contextTokens(model, signal), model);
      const budgetTokens = promptBudget(context, task.maxOutputTokens);
      return { model, built: task.prompt(input, { provider: provider.id, remote: provider.remote, budgetTokens }), schema: jsonSchemaOf(task.schema) };
    })();
    const { model, built, schema } = prepared.value;
    let tokensIn = 0;
    let tokensOut = 0;
    let costMicros = 0;

    const ask = async (prompt: string, purpose: string): Promise<string> => {
      const entry = deps.log.start({
        runId: options.runId,
        purpose,
        provider: provider.id,
        model,
        remote: provider.remote,
        thoughtCount: built.thoughtIds.length,
        promptChars: built.system.length + prompt.length,
      });
      try {
        const result = await call(
          provider,
          options.signal,
          (signal) =>
            provider.generate({ system: built.system, prompt, schema, schemaName: task.schemaName, maxOutputTokens: task.maxOutputTokens, signal }),
          model,
        );
        const cost = provider.costMicros(result.model, result.tokensIn, result.tokensOut);
        tokensIn += result.tokensIn;
        tokensOut += result.tokensOut;
        costMicros += cost;
        deps.log.finish(entry, { status: 'ok', tokensIn: result.tokensIn, tokensOut: result.tokensOut, costMicros: cost });
        return result.text;
      } catch (error) {
        const cancelled = options.signal.aborted;
        deps.log.finish(entry, {
          status: cancelled ? 'cancelled' : 'failed',
          errorCode: cancelled ? null : classifyProviderError(provider.id, error).code,
        });
        throw error;
      }
    };

    const answer = await ask(built.prompt, task.purpose);
    let parsed = parseStructured(answer, task.schema);
    if (!parsed.ok) {
      deps.logger.warn('ai.invalid_output', { provider: provider.id, model, problem: parsed.problem });
      const second = await ask(repairPrompt(built.prompt, answer, parsed.problem), `${task.purpose}.repair`);
      parsed = parseStructured(second, task.schema);
      if (!parsed.ok) {
        throw new ProviderError(provider.id, 'provider_bad_output', `${PROVIDER_NAMES[provider.id]} (${model}) answered twice with unusable output. ${parsed.problem}`, {
          retryable: false,
          hint: 'Try a larger or instruction-tuned model in Settings → AI.',
        });
      }
    }
    return {
      output: task.accept(parsed.value, built, input),
      provider: provider.id,
      model,
      tokensIn,
      tokensOut,
      costMicros,
      sentThoughtIds: built.thoughtIds,
      notes: built.notes,
      failures: [],
    };
  }

  async function withRetries<Input, Answer, Output>(
    provider: LlmProvider,
    task: AiTask<Input, Answer, Output>,
    input: Input,
    options: RunOptions,
  ): Promise<TaskOutcome<Output>> {
    const prepared: { value?: Prepared } = {};
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await runOnProvider(provider, task, input, options, prepared);
      } catch (error) {
        options.signal.throwIfAborted();
        const failure = classifyProviderError(provider.id, error);
        const delay = retryDelay(failure, attempt, { ...retry, maxAttempts: task.maxAttempts ?? retry.maxAttempts }, deps.random);
        if (delay === null) throw failure;
        deps.logger.info('ai.retry', { provider: provider.id, code: failure.code, attempt, delayMs: delay });
        await sleep(delay, options.signal);
      }
    }
  }

  return {
    /** Runs `task` on the first backend (in the person's order) that can do it. */
    async run<Input, Answer, Output>(task: AiTask<Input, Answer, Output>, input: Input, options: RunOptions): Promise<TaskOutcome<Output>> {
      const failures: AttemptRecord[] = [];
      const order = options.order ?? deps.order();
      for (const id of order) {
        options.signal.throwIfAborted();
        if (id === 'offline') {
          const output = await task.offline(input, options.signal);
          return { output, provider: 'offline', model: null, tokensIn: 0, tokensOut: 0, costMicros: 0, sentThoughtIds: [], notes: [], failures };
        }
        const provider = deps.providers[id];
        const breaker = breakerOf(id);
        if (!breaker.tryAcquire()) {
          failures.push({
            provider: id,
            code: 'provider_circuit_open',
            message: `${PROVIDER_NAMES[id]} failed several times in a row; Cairn is resting it for another ${Math.max(1, Math.ceil(((breaker.retryAt ?? 0) - deps.clock.now()) / 1000))} s.`,
            hint: null,
          });
          continue;
        }
        try {
          const outcome = await withRetries(provider, task, input, options);
          breaker.succeeded();
          return { ...outcome, failures };
        } catch (error) {
          if (options.signal.aborted) {
            breaker.released();
            throw error;
          }
          const failure = classifyProviderError(id, error);
          if (countsAgainstBreaker(failure)) breaker.failed();
          else breaker.released();
          deps.logger.warn('ai.provider_failed', { provider: id, code: failure.code, message: failure.message });
          failures.push({ provider: id, code: failure.code, message: failure.message, hint: failure.hint ?? null });
        }
      }
      throw exhausted(failures);
    },
    /** For Settings → AI: is the breaker letting requests through? */
    breakerState(id: AiProviderId) {
      const breaker = breakerOf(id);
      return { state: breaker.state, retryAt: breaker.retryAt };
    },
    /** A successful health probe closes the breaker early. */
    recordHealthy(id: AiProviderId): void {
      breakerOf(id).succeeded();
    },
  };
}

export type Orchestrator = ReturnType<typeof createOrchestrator>;

/** Backends that failed before one answered, in plain words with what to do (no codes). */
export function failureLines(failures: readonly Pick<AttemptRecord, 'message' | 'hint'>[]): string[] {
  return failures.map((failure) => (failure.hint === null ? failure.message : `${failure.message} ${failure.hint}`));
}

/** Configuration problems are not outages: the breaker is for failures that pass by themselves. */
function countsAgainstBreaker(error: ProviderError): boolean {
  return error.retryable || error.code === 'provider_unreachable';
}

function exhausted(failures: readonly AttemptRecord[]): AppError {
  const last = failures.at(-1);
  if (failures.length === 1 && last !== undefined) {
    return new AppError(last.code, last.message, { attempts: failures, ...(last.hint === null ? {} : { hint: last.hint }) });
  }
  const summary = failures.map((failure) => failure.message).join(' · ');
  return new AppError('provider_failed', failures.length === 0 ? 'No AI backend is enabled.' : `No AI backend could finish: ${summary}`, {
    attempts: failures,
  });
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
