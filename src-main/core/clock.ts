import { randomBytes } from 'node:crypto';

/** Injected wherever time matters, so tests control it instead of stubbing globals. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type IdGenerator = () => string;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Monotonic ULIDs: sortable by creation time, and strictly increasing within one process even
 * when the clock stands still or steps back.
 */
export function createUlidGenerator(clock: Clock): IdGenerator {
  let lastTime = -1;
  let lastRandom: Uint8Array = new Uint8Array(10);
  return () => {
    let time = clock.now();
    if (time <= lastTime) {
      time = lastTime;
      lastRandom = increment(lastRandom);
    } else {
      lastTime = time;
      lastRandom = new Uint8Array(randomBytes(10));
    }
    return encodeTime(time) + encodeRandom(lastRandom);
  };
}

function increment(bytes: Uint8Array): Uint8Array {
  const next = new Uint8Array(bytes);
  for (let index = next.length - 1; index >= 0; index -= 1) {
    const value = next[index] ?? 0;
    if (value < 255) {
      next[index] = value + 1;
      return next;
    }
    next[index] = 0;
  }
  return next;
}

function encodeTime(time: number): string {
  let remaining = time;
  let out = '';
  for (let index = 0; index < 10; index += 1) {
    out = CROCKFORD.charAt(remaining % 32) + out;
    remaining = Math.floor(remaining / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits → 16 base32 characters, 5 bits at a time.
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let index = 0; index < 16; index += 1) {
    out = CROCKFORD.charAt(Number(bits & 31n)) + out;
    bits >>= 5n;
  }
  return out;
}
