import { AppError } from '../../../src-shared/errors';

/** Largest seq the in-memory index holds (Int32): thought seqs are dense rowids far below it. */
export const MAX_SEQ = 0x7fffffff;

/**
 * A unit-length copy of `vector`, or invalid_input when it cannot be one: not a Float32Array of
 * `dimension` values, any NaN/±Infinity, or all zeros (no direction). Normalizing here makes
 * every stored vector and every query comparable by cosine, whatever the model returns.
 */
export function toUnitVector(vector: unknown, dimension: number, what: string): Float32Array {
  if (!(vector instanceof Float32Array)) {
    throw new AppError('invalid_input', `The ${what} must be a Float32Array.`);
  }
  if (vector.length !== dimension) {
    throw new AppError('invalid_input', `The ${what} has ${vector.length} values; this model's vectors have ${dimension}.`, {
      expected: dimension,
      actual: vector.length,
    });
  }
  let norm = 0;
  for (let i = 0; i < dimension; i += 1) {
    const value = vector[i] ?? Number.NaN;
    if (!Number.isFinite(value)) {
      throw new AppError('invalid_input', `The ${what} holds a value that is not a finite number (at ${i}).`, { index: i });
    }
    norm += value * value;
  }
  // Below this, squaring float32 values has underflowed: the direction is noise.
  if (!(norm > 1e-30) || !Number.isFinite(norm)) {
    throw new AppError('invalid_input', `The ${what} has no direction (its length is ${Math.sqrt(norm)}).`);
  }
  const scale = 1 / Math.sqrt(norm);
  const unit = new Float32Array(dimension);
  for (let i = 0; i < dimension; i += 1) unit[i] = (vector[i] ?? 0) * scale;
  return unit;
}

export function checkSeq(seq: unknown): number {
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) {
    throw new AppError('invalid_input', `A vector's seq must be a whole number from 1 to ${MAX_SEQ}.`, { seq: String(seq) });
  }
  return seq;
}

/** Bytes of a binary code: one sign bit per dimension, padded to whole 64-bit words. */
export function codeBytesFor(dimension: number): number {
  return Math.ceil(dimension / 64) * 8;
}

/** Sign bits, dimension i at byte i >> 3, bit i & 7 (padding bits stay 0 in every code). */
export function quantize(unit: Float32Array, codeBytes: number): Uint8Array {
  const code = new Uint8Array(codeBytes);
  for (let i = 0; i < unit.length; i += 1) {
    if ((unit[i] ?? 0) > 0) code[i >> 3] = (code[i >> 3] ?? 0) | (1 << (i & 7));
  }
  return code;
}

/** 1 − cosine of two unit vectors (0 = same direction, 2 = opposite). */
export function cosineDistance(query: Float32Array, stored: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < query.length; i += 1) dot += (query[i] ?? 0) * (stored[i] ?? 0);
  return 1 - dot;
}

/**
 * The float32 values in a BLOB read from SQLite, in the platform's byte order (little-endian on
 * every platform Cairn ships for). Copied when the Buffer is not 4-byte aligned.
 */
export function floatsOf(blob: Uint8Array, dimension: number): Float32Array | undefined {
  if (blob.byteLength !== dimension * 4) return undefined;
  if (blob.byteOffset % 4 === 0) return new Float32Array(blob.buffer, blob.byteOffset, dimension);
  return new Float32Array(new Uint8Array(blob).buffer, 0, dimension);
}

export function blobOf(values: ArrayBufferView): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}
