import type { AiProviderId } from '../../../src-shared/contract';
import type { ErrorCode } from '../../../src-shared/errors';

/** What a run asks of a language model: an answer that must match `schema` (JSON Schema). */
export interface GenerateRequest {
  system: string;
  prompt: string;
  /** JSON Schema the answer must follow (the zod schema of the task, converted). */
  schema: Record<string, unknown>;
  /** The name of the answer's shape, e.g. "consciousness_check" (Claude's tool name). */
  schemaName: string;
  maxOutputTokens: number;
  signal: AbortSignal;
}

export interface StreamRequest {
  system: string;
  prompt: string;
  maxOutputTokens: number;
  signal: AbortSignal;
  /** Each piece of text as it arrives. */
  onText(delta: string): void;
}

export interface GenerateResult {
  /** The model's answer (JSON text for `generate`). */
  text: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
}

export type ProviderState = 'ok' | 'down' | 'not_configured';

/** What Settings → AI shows for a backend: whether it works, and if not, what to do. */
export interface ProviderHealth {
  state: ProviderState;
  code: ErrorCode | null;
  /** What is wrong, in plain words (null when it works). */
  message: string | null;
  /** The one thing to do about it, e.g. "Run `ollama pull llama3.2`". */
  hint: string | null;
  /** The model a run would use, when known. */
  model: string | null;
  models: string[];
}

/** A language model behind one wire protocol. AbortSignal reaches every request it makes. */
export interface LlmProvider {
  id: Exclude<AiProviderId, 'offline'>;
  /** True when requests leave this machine (private thoughts are never sent to it). */
  remote: boolean;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  stream(request: StreamRequest): Promise<GenerateResult>;
  /** Vectors for texts, where the backend can make them. */
  embed?(texts: readonly string[], signal: AbortSignal): Promise<number[][]>;
  health(signal: AbortSignal): Promise<ProviderHealth>;
  listModels(signal: AbortSignal): Promise<string[]>;
  /** The model a request would go to now (resolves "the first one the server has"). */
  resolveModel(signal: AbortSignal): Promise<string>;
  /** How many tokens a prompt plus its answer may take with that model. */
  contextTokens(model: string, signal: AbortSignal): Promise<number>;
  /** Cost in millionths of a US dollar; 0 for local models. */
  costMicros(model: string, tokensIn: number, tokensOut: number): number;
}
