import type { DownloadProgress } from './download';
import type { ModelsDirs, ReadyModel, UnavailableModel } from './model-resolver';
import type { ModelCatalog } from './models';

/** Queries get the model's query prefix; passages (thoughts) are embedded as written. */
export type EmbedKind = 'query' | 'passage';

/** `workerData` of the embedding worker: everything it needs to find and load the model. */
export interface WorkerInit {
  modelId: string;
  modelsDirs: ModelsDirs;
  allowDownload: boolean;
  remoteHost?: string;
  catalog?: ModelCatalog;
}

export interface EmbedRequest {
  type: 'embed';
  id: number;
  texts: string[];
  kind: EmbedKind;
}

/**
 * Asks the worker to stop on its own: at once while it is still finding the model (only file
 * and network reads are in flight), else after the batch it is running, with its session
 * released. Terminating a worker while onnxruntime is running aborts the whole process.
 */
export interface CloseRequest {
  type: 'close';
}

export type WorkerRequest = EmbedRequest | CloseRequest;

export type WorkerMessage =
  | { type: 'progress'; progress: DownloadProgress }
  | { type: 'ready'; model: ReadyModel }
  | { type: 'unavailable'; model: UnavailableModel }
  /** One unit-length vector per text, in order; their buffers are transferred, not copied. */
  | { type: 'embedded'; id: number; vectors: Float32Array[] }
  | { type: 'failed'; id: number; message: string };
