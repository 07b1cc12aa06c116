import type { AiPreview, AiProviderId, ProviderCheck, ProviderStatus, Settings } from '../../../src-shared/contract';
import { aiProviderIds } from '../../../src-shared/contract';
import { buildCheckPrompt, estimateTokens } from '../checks/check-prompt';
import { checkTask } from '../checks/check-task';
import type { CheckInput } from '../checks/check-types';
import { classifyProviderError, PROVIDER_NAMES } from './classify-provider-error';
import { promptBudget, type Orchestrator } from './orchestrator';
import type { LlmProvider } from './provider';
import type { SecretStore } from './secret-store';

/** A health probe gets this long: Settings must not hang on a backend that does not answer. */
const PROBE_TIMEOUT_MS = 4_000;
/** Budget for a preview when the backend cannot be asked for its context length. */
const PREVIEW_FALLBACK_CONTEXT = 4_096;

export interface AiServiceDeps {
  providers: Record<Exclude<AiProviderId, 'offline'>, LlmProvider>;
  orchestrator: Orchestrator;
  secrets: SecretStore;
  settings: () => Settings;
  /** The input the next check would read. */
  nextCheckInput: () => CheckInput;
}

/** Settings → AI: live health, the key (write-only) and a preview of what a check sends. */
export function createAiService(deps: AiServiceDeps) {
  const { providers, orchestrator, secrets } = deps;

  function keyInfo(id: AiProviderId): Pick<ProviderStatus, 'keySet' | 'keyStorage'> {
    if (id !== 'claude') return { keySet: null, keyStorage: null };
    return { keySet: secrets.get('anthropic-api-key') !== undefined, keyStorage: { backend: secrets.backend, warning: secrets.warning() } };
  }

  async function statusOf(id: AiProviderId, order: readonly AiProviderId[], probeTimeoutMs = PROBE_TIMEOUT_MS): Promise<ProviderStatus> {
    const enabled = order.includes(id);
    const base = { id, enabled, ...keyInfo(id) };
    if (id === 'offline') {
      return { ...base, remote: false, state: 'ok', code: null, message: null, hint: null, model: null, models: [] };
    }
    const provider = providers[id];
    const remote = provider.remote;
    if (id === 'claude' && base.keySet === false) {
      return {
        ...base,
        remote,
        state: 'not_configured',
        code: 'provider_not_configured',
        message: 'No API key is set.',
        hint: 'Paste your Anthropic API key below. Thoughts are sent to Anthropic only while Claude is in the order.',
        model: deps.settings().claudeModel,
        models: [],
      };
    }
    try {
      const health = await provider.health(AbortSignal.timeout(probeTimeoutMs));
      if (health.state === 'ok') orchestrator.recordHealthy(id);
      const breaker = orchestrator.breakerState(id);
      if (health.state === 'ok' || breaker.state === 'closed') return { ...base, remote, ...health };
      return { ...base, remote, ...health, state: 'resting' };
    } catch (error) {
      const failure = classifyProviderError(id, error, { timedOut: error instanceof DOMException && error.name === 'TimeoutError', timeoutMs: probeTimeoutMs });
      return { ...base, remote, state: 'down', code: failure.code, message: failure.message, hint: failure.hint ?? null, model: null, models: [] };
    }
  }

  /** A remote backend as far as this machine knows, without contacting it: its key and its breaker. */
  function knownStatusOf(id: Exclude<AiProviderId, 'offline'>, order: readonly AiProviderId[]): ProviderCheck {
    const breaker = orchestrator.breakerState(id);
    const isResting = breaker.state !== 'closed';
    return {
      id,
      enabled: order.includes(id),
      remote: true,
      ...keyInfo(id),
      state: isResting ? 'resting' : 'not_checked',
      code: isResting ? 'provider_circuit_open' : null,
      message: isResting ? 'It failed several times in a row lately.' : 'Not contacted from here: diagnostics never calls a service on the internet.',
      hint: isResting ? 'Cairn tries it again by itself after a short rest.' : null,
      model: deps.settings().claudeModel,
      models: [],
    };
  }

  function orderedIds(): { order: readonly AiProviderId[]; ids: AiProviderId[] } {
    const order = deps.settings().aiProviders;
    return { order, ids: [...order, ...aiProviderIds.filter((id) => !order.includes(id))] };
  }

  return {
    async status(): Promise<{ providers: ProviderStatus[] }> {
      const { order, ids } = orderedIds();
      return { providers: await Promise.all(ids.map((id) => statusOf(id, order))) };
    },
    /**
     * Health for diagnostics: local backends get a probe of `probeTimeoutMs`; remote ones are
     * never contacted and say what is known (no key, resting after failures, or not checked).
     */
    async diagnose(probeTimeoutMs: number): Promise<ProviderCheck[]> {
      const { order, ids } = orderedIds();
      return Promise.all(
        ids.map(async (id) => {
          if (id !== 'offline' && providers[id].remote && keyInfo(id).keySet !== false) return knownStatusOf(id, order);
          const status = await statusOf(id, order, probeTimeoutMs);
          // Settings' hint points at the key field below it; diagnostics has none.
          return status.state === 'not_configured' ? { ...status, hint: 'Set it up in Settings → AI if you want to use it.' } : status;
        }),
      );
    },
    async setKey(key: string): Promise<ProviderStatus> {
      secrets.set('anthropic-api-key', key.trim());
      return statusOf('claude', deps.settings().aiProviders);
    },
    async clearKey(): Promise<ProviderStatus> {
      secrets.delete('anthropic-api-key');
      return statusOf('claude', deps.settings().aiProviders);
    },
    /** Exactly the prompt the next check would send to the first backend that is not offline. */
    async preview(): Promise<AiPreview> {
      const first = deps.settings().aiProviders.find((id): id is Exclude<AiProviderId, 'offline'> => id !== 'offline');
      const input = deps.nextCheckInput();
      if (first === undefined) {
        return { provider: null, remote: false, thoughtCount: 0, privateExcluded: 0, system: '', prompt: '', approxTokens: 0, notes: ['Only the offline mind is on: nothing leaves this computer.'] };
      }
      const provider = providers[first];
      const notes: string[] = [];
      let context = PREVIEW_FALLBACK_CONTEXT;
      try {
        const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS);
        context = await provider.contextTokens(await provider.resolveModel(signal), signal);
      } catch {
        notes.push(`${PROVIDER_NAMES[first]} did not answer, so this preview assumes a ${PREVIEW_FALLBACK_CONTEXT.toLocaleString('en-US')}-token context.`);
      }
      const built = buildCheckPrompt(input, { provider: first, remote: provider.remote, budgetTokens: promptBudget(context, checkTask.maxOutputTokens) });
      const privateExcluded = provider.remote ? input.thoughts.filter((thought) => thought.isPrivate).length : 0;
      return {
        provider: first,
        remote: provider.remote,
        thoughtCount: built.thoughtIds.length,
        privateExcluded,
        system: built.system,
        prompt: built.prompt,
        approxTokens: estimateTokens(built.system) + estimateTokens(built.prompt),
        notes: [...notes, ...built.notes],
      };
    },
  };
}

export type AiService = ReturnType<typeof createAiService>;
