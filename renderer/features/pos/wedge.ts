/**
 * Tells a keyboard-wedge barcode scanner from a person at the keyboard. Both arrive as key
 * presses; a scanner "types" the whole code within a few milliseconds and ends with Enter, while
 * nobody types two keys less than ~35 ms apart for long. So the sale screen holds back printable
 * keys for at most SCAN_GAP_MS: a fast run ending in Enter is a scan and never reaches the search
 * box; anything slower is handed to the search box (a `flush`) as typed text.
 *
 * Pure: the screen feeds timestamped keys and runs a timer that calls `tick`.
 */

export const SCAN_GAP_MS = 35;
export const SCAN_MIN_LENGTH = 4;

export type WedgeState = {
  /** Printable keys held back, all less than SCAN_GAP_MS apart. */
  buffer: string;
  /** When the first held key arrived (ms, any monotonic clock). */
  startedAt: number;
  /** When the last held key arrived. */
  lastAt: number;
};

export type WedgeAction =
  /** Nothing to do yet. */
  | { kind: 'none' }
  /** A person typed this: put it in the search box. */
  | { kind: 'flush'; text: string }
  /** A scanner sent this code and Enter; `startedAt` is its first key. */
  | { kind: 'scan'; code: string; startedAt: number }
  /** A person pressed Enter; `text` is what was still held back (put it in the box first). */
  | { kind: 'enter'; text: string };

export type WedgeStep = { state: WedgeState; action: WedgeAction };

export const WEDGE_IDLE: WedgeState = {
  buffer: '',
  startedAt: Number.NEGATIVE_INFINITY,
  lastAt: Number.NEGATIVE_INFINITY,
};

// Scanners send Shift for capital letters; those must not break a burst.
const MODIFIERS: ReadonlySet<string> = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
]);

/** A key that types one character (`KeyboardEvent.key` of length 1: digits, letters, ñ, *). */
export function isTextKey(key: string): boolean {
  return key.length === 1;
}

const NONE: WedgeAction = { kind: 'none' };

export function feedKey(state: WedgeState, key: string, at: number): WedgeStep {
  if (isTextKey(key)) {
    if (state.buffer !== '' && at - state.lastAt < SCAN_GAP_MS) {
      return { state: { ...state, buffer: state.buffer + key, lastAt: at }, action: NONE };
    }
    // A slow key: what was held belongs to a person, and this key may start a scan.
    const action: WedgeAction = state.buffer === '' ? NONE : { kind: 'flush', text: state.buffer };
    return { state: { buffer: key, startedAt: at, lastAt: at }, action };
  }
  if (key === 'Enter') {
    const fast = at - state.lastAt < SCAN_GAP_MS;
    if (fast && state.buffer.length >= SCAN_MIN_LENGTH) {
      return {
        state: WEDGE_IDLE,
        action: { kind: 'scan', code: state.buffer, startedAt: state.startedAt },
      };
    }
    return { state: WEDGE_IDLE, action: { kind: 'enter', text: state.buffer } };
  }
  if (MODIFIERS.has(key)) return { state, action: NONE };
  // Backspace, arrows…: whatever was typed before them goes to the box first.
  return state.buffer === ''
    ? { state: WEDGE_IDLE, action: NONE }
    : { state: WEDGE_IDLE, action: { kind: 'flush', text: state.buffer } };
}

/** Called by a timer: a held run that went quiet was typed by a person. */
export function tick(state: WedgeState, now: number): WedgeStep {
  if (state.buffer !== '' && now - state.lastAt >= SCAN_GAP_MS) {
    return { state: WEDGE_IDLE, action: { kind: 'flush', text: state.buffer } };
  }
  return { state, action: NONE };
}

/** What the search box holds, and when its text was typed in. */
export type TypedText = { text: string; firstAt: number; lastAt: number };

const JOIN_GAP_MS = 250;
const JOIN_SPAN_MS = 600;

/**
 * A busy moment (the first keys after start-up, a slow machine) can stretch the gap between two
 * of the scanner's keys past SCAN_GAP_MS, and the code's first digits land in the search box.
 * When the box holds only code characters typed moments before the burst, they are the scan's
 * start: join them. A person does not type a code and fire a scan within a quarter second.
 */
export function joinSplitScan(
  typed: TypedText,
  scan: { code: string; startedAt: number },
): { code: string; usedTyped: boolean } {
  const joinable =
    typed.text !== '' &&
    /^[0-9A-Za-z.-]+$/.test(typed.text) &&
    /\d/.test(typed.text) &&
    scan.startedAt - typed.lastAt < JOIN_GAP_MS &&
    scan.startedAt - typed.firstAt < JOIN_SPAN_MS;
  return joinable
    ? { code: typed.text + scan.code, usedTyped: true }
    : { code: scan.code, usedTyped: false };
}

/** `3*`, `12*` or `1,5*` typed before a scan: the next line's quantity, in thousandths. */
export function parseMultiplier(text: string): number | null {
  const m = /^(\d{1,4})(?:[.,](\d{1,3}))?\*$/.exec(text.trim());
  if (!m) return null;
  const milli = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return milli > 0 ? milli : null;
}

/** `3*7790070012345` typed by hand: a multiplier and a code at once. */
export function splitMultipliedCode(text: string): { multiplier: number | null; code: string } {
  const m = /^(\d{1,4}(?:[.,]\d{1,3})?\*)(\S+)$/.exec(text.trim());
  if (!m) return { multiplier: null, code: text.trim() };
  return { multiplier: parseMultiplier(m[1] ?? ''), code: m[2] ?? '' };
}
