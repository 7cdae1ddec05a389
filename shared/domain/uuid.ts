import { DomainError } from './errors.ts';

/** Fills `bytes` with random values and returns it, like crypto.getRandomValues. */
export type RandomFill = (bytes: Uint8Array) => Uint8Array;
export type IdFactory = () => string;
export type IdFactoryOptions = {
  now?: () => number;
  random?: RandomFill;
  /** Deterministic pseudo-random bits (for tests); ignored when `random` is given. */
  seed?: number;
};

type MonotonicState = { lastMs: number; counter: number };

const MAX_TIMESTAMP = 2 ** 48 - 1;
const MAX_COUNTER = 0xfff;
const UUID_V7_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

// Bound on purpose: browsers throw "Illegal invocation" for an unbound getRandomValues.
// One getRandomValues call per id costs more than the rest of the id: draw 4 KiB at a time.
const POOL = new Uint8Array(4096);
let poolAt = POOL.length;
const cryptoRandom: RandomFill = (bytes) => {
  if (bytes.length > POOL.length) return globalThis.crypto.getRandomValues(bytes);
  if (poolAt + bytes.length > POOL.length) {
    globalThis.crypto.getRandomValues(POOL);
    poolAt = 0;
  }
  bytes.set(POOL.subarray(poolAt, poolAt + bytes.length));
  poolAt += bytes.length;
  return bytes;
};

function toHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += HEX[b[i] ?? 0];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}

function writeId(bytes: Uint8Array, ms: number, counter: number): string {
  const high = Math.floor(ms / 2 ** 32);
  const low = ms >>> 0;
  bytes[0] = high >>> 8;
  bytes[1] = high & 0xff;
  bytes[2] = low >>> 24;
  bytes[3] = (low >>> 16) & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  bytes[6] = 0x70 | (counter >>> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  return toHex(bytes);
}

function nextId(state: MonotonicState, now: number, random: RandomFill): string {
  const ms = Math.floor(now);
  if (!(ms >= 0 && ms <= MAX_TIMESTAMP)) throw new RangeError(`Invalid UUIDv7 timestamp: ${now}`);
  const bytes = new Uint8Array(16);
  random(bytes);
  // Seed the per-ms counter with 11 random bits (not 12) so at least 2048 ids fit in one ms
  // before the counter overflows.
  const seed = (((bytes[6] ?? 0) & 0x07) << 8) | (bytes[7] ?? 0);
  if (ms > state.lastMs) {
    state.lastMs = ms;
    state.counter = seed;
  } else {
    // Same ms, or the clock went backwards: keep counting on the last timestamp so ids never
    // sort before ones already issued.
    state.counter++;
    if (state.counter > MAX_COUNTER) {
      state.lastMs++;
      state.counter = seed;
    }
  }
  return writeId(bytes, state.lastMs, state.counter);
}

const sharedState: MonotonicState = { lastMs: -1, counter: 0 };

/**
 * RFC 9562 UUIDv7: 48-bit ms timestamp, version 7, a 12-bit monotonic counter in rand_a, variant
 * 10 and 62 random bits. Ids from this module sort (as strings) in creation order, even within
 * one millisecond. Pass `random` bound (`(b) => crypto.getRandomValues(b)`), not the bare method.
 */
export function uuidv7(now: number = Date.now(), random: RandomFill = cryptoRandom): string {
  return nextId(sharedState, now, random);
}

// mulberry32: tiny, deterministic, good enough for test ids (never for secrets).
function seededRandom(seed: number): RandomFill {
  let a = seed >>> 0;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    }
    return bytes;
  };
}

/** A UUIDv7 generator with its own monotonic state and injectable clock and randomness. */
export function createIdFactory(options: IdFactoryOptions = {}): IdFactory {
  const now = options.now ?? Date.now;
  const random =
    options.random ?? (options.seed === undefined ? cryptoRandom : seededRandom(options.seed));
  const state: MonotonicState = { lastMs: -1, counter: 0 };
  return () => nextId(state, now(), random);
}

/**
 * Deterministic, readable valid v7 ids for tests: 00000000-0000-7000-8000-000000000000,
 * …-7001-8000-000000000001, … The counter rolls into the timestamp every 4096 ids.
 */
export function sequentialIds(prefixTime = 0): IdFactory {
  if (!Number.isInteger(prefixTime) || prefixTime < 0 || prefixTime > MAX_TIMESTAMP) {
    throw new RangeError(`Invalid UUIDv7 timestamp: ${prefixTime}`);
  }
  let n = 0;
  return () => {
    const bytes = new Uint8Array(16);
    let rest = n;
    for (let i = 15; i >= 10; i--) {
      bytes[i] = rest % 256;
      rest = Math.floor(rest / 256);
    }
    const id = writeId(
      bytes,
      prefixTime + Math.floor(n / (MAX_COUNTER + 1)),
      n % (MAX_COUNTER + 1),
    );
    n++;
    return id;
  };
}

export function isUuidV7(s: string): boolean {
  return UUID_V7_RE.test(s);
}

/** Milliseconds since the epoch encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  if (!UUID_V7_RE.test(id)) {
    throw new DomainError('INVALID_UUID', `«${id}» no es un identificador válido`);
  }
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
