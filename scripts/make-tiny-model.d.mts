export const TINY_MODEL_ID: string;
export const TINY_MODEL_REVISION: string;
export const TINY_QUERY_PREFIX: string;

export interface TinyModelOptions {
  hidden?: number;
  layers?: number;
  heads?: number;
  intermediate?: number;
  maxPositions?: number;
  seed?: number;
  /** Rows of the word-embedding table, when another tokenizer with that many ids replaces the tiny one. */
  vocabSize?: number;
  /** onnx/model_quantized.onnx holds int8 weights run with dynamic quantization (default: the float graph). */
  quantize?: boolean;
}

export interface TinyModelManifest {
  modelId: string;
  revision: string;
  files: Record<string, { sha256: string; bytes: number }>;
}

export interface TinyModelFiles {
  modelId: string;
  revision: string;
  dimension: number;
  maxTokens: number;
  files: Map<string, Buffer>;
  manifest: TinyModelManifest;
}

export interface TinyModel {
  modelId: string;
  revision: string;
  dimension: number;
  maxTokens: number;
  /** The folder to use as transformers.js's localModelPath. */
  root: string;
  /** `<root>/cairn-test/tiny-bert`. */
  dir: string;
  manifest: TinyModelManifest;
}

export function buildTinyModelFiles(options?: TinyModelOptions): TinyModelFiles;
export function makeTinyModel(outDir: string, options?: TinyModelOptions): TinyModel;
