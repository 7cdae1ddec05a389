import { describe, expect, it } from 'vitest';
import {
  feedKey,
  joinSplitScan,
  parseMultiplier,
  splitMultipliedCode,
  tick,
  WEDGE_IDLE,
  type WedgeAction,
  type WedgeState,
} from './wedge.ts';

/** Feeds [key, ms] pairs and collects every action that is not `none`. */
function run(keys: [string, number][], state: WedgeState = WEDGE_IDLE) {
  const actions: WedgeAction[] = [];
  let s = state;
  for (const [key, at] of keys) {
    const step = feedKey(s, key, at);
    s = step.state;
    if (step.action.kind !== 'none') actions.push(step.action);
  }
  return { state: s, actions };
}

function typed(text: string, start: number, gap: number): [string, number][] {
  return [...text].map((ch, i) => [ch, start + i * gap]);
}

describe('the keyboard-wedge scanner', () => {
  it('reads a fast run of keys ending in Enter as one scan', () => {
    const code = '7790070012345';
    const keys = [...typed(code, 1000, 4), ['Enter', 1000 + code.length * 4] as [string, number]];
    const { actions, state } = run(keys);
    expect(actions).toEqual([{ kind: 'scan', code, startedAt: 1000 }]);
    expect(state).toEqual(WEDGE_IDLE);
  });

  it('keeps capital letters from a scanner (Shift does not break the burst)', () => {
    const keys: [string, number][] = [
      ['Shift', 0],
      ['A', 3],
      ['B', 6],
      ['Shift', 7],
      ['-', 9],
      ['1', 12],
      ['2', 15],
      ['Enter', 18],
    ];
    expect(run(keys).actions).toEqual([{ kind: 'scan', code: 'AB-12', startedAt: 3 }]);
  });

  it('hands slow typing to the search box, one key at a time', () => {
    const keys = typed('yerba', 0, 120);
    const { actions, state } = run(keys);
    expect(actions).toEqual([
      { kind: 'flush', text: 'y' },
      { kind: 'flush', text: 'e' },
      { kind: 'flush', text: 'r' },
      { kind: 'flush', text: 'b' },
    ]);
    // The last key is still held until the timer says the run went quiet.
    expect(state.buffer).toBe('a');
    expect(tick(state, 480 + 10).action).toEqual({ kind: 'none' });
    expect(tick(state, 480 + 35)).toEqual({
      state: WEDGE_IDLE,
      action: { kind: 'flush', text: 'a' },
    });
  });

  it('treats a person pressing Enter as Enter, after the held text', () => {
    const keys: [string, number][] = [...typed('123', 0, 200), ['Enter', 700]];
    const { actions } = run(keys);
    expect(actions).toEqual([
      { kind: 'flush', text: '1' },
      { kind: 'flush', text: '2' },
      { kind: 'enter', text: '3' },
    ]);
  });

  it('does not take a short fast run (under 4 characters) for a scan', () => {
    const keys: [string, number][] = [...typed('123', 0, 5), ['Enter', 15]];
    expect(run(keys).actions).toEqual([{ kind: 'enter', text: '123' }]);
  });

  it('needs Enter to come quickly too: a fast run then a late Enter is typing', () => {
    const keys: [string, number][] = [...typed('77900700', 0, 5), ['Enter', 400]];
    expect(run(keys).actions).toEqual([{ kind: 'enter', text: '77900700' }]);
  });

  it('separates typed words from a scan that follows them', () => {
    const keys: [string, number][] = [
      ...typed('3*', 0, 150),
      ...typed('7790070012345', 2000, 3),
      ['Enter', 2040],
    ];
    expect(run(keys).actions).toEqual([
      { kind: 'flush', text: '3' },
      { kind: 'flush', text: '*' },
      { kind: 'scan', code: '7790070012345', startedAt: 2000 },
    ]);
  });

  it('gives held text back before an editing key such as Backspace', () => {
    const first = feedKey(WEDGE_IDLE, 'x', 0);
    const back = feedKey(first.state, 'Backspace', 10);
    expect(back.action).toEqual({ kind: 'flush', text: 'x' });
    expect(back.state).toEqual(WEDGE_IDLE);
    expect(feedKey(WEDGE_IDLE, 'ArrowDown', 10).action).toEqual({ kind: 'none' });
  });

  it('reads two scans in a row as two codes', () => {
    const a = '7790070012345';
    const b = '7791234567890';
    const keys: [string, number][] = [
      ...typed(a, 0, 2),
      ['Enter', 30],
      ...typed(b, 300, 2),
      ['Enter', 330],
    ];
    expect(run(keys).actions).toEqual([
      { kind: 'scan', code: a, startedAt: 0 },
      { kind: 'scan', code: b, startedAt: 300 },
    ]);
  });
});

describe('a scan split by a busy moment', () => {
  it('joins the first digits that went to the search box a moment before', () => {
    // "779" stalled for 60 ms, then the rest came fast and ended in Enter.
    const keys: [string, number][] = [
      ...typed('779', 0, 5),
      ...typed('6593102612', 70, 3),
      ['Enter', 100],
    ];
    const { actions } = run(keys);
    expect(actions).toEqual([
      { kind: 'flush', text: '779' },
      { kind: 'scan', code: '6593102612', startedAt: 70 },
    ]);
    const scan = { code: '6593102612', startedAt: 70 };
    expect(joinSplitScan({ text: '779', firstAt: 0, lastAt: 10 }, scan)).toEqual({
      code: '7796593102612',
      usedTyped: true,
    });
  });

  it('leaves words, and codes typed long before, alone', () => {
    const scan = { code: '7790070012345', startedAt: 5000 };
    expect(joinSplitScan({ text: 'yerba', firstAt: 4900, lastAt: 4950 }, scan).usedTyped).toBe(
      false,
    );
    expect(joinSplitScan({ text: '779', firstAt: 1000, lastAt: 1100 }, scan).usedTyped).toBe(false);
    expect(joinSplitScan({ text: '', firstAt: 0, lastAt: 0 }, scan).usedTyped).toBe(false);
  });
});

describe('multipliers typed before a scan', () => {
  it('reads N* as N units, in thousandths', () => {
    expect(parseMultiplier('3*')).toBe(3000);
    expect(parseMultiplier('12*')).toBe(12_000);
    expect(parseMultiplier('1,5*')).toBe(1500);
    expect(parseMultiplier('0,250*')).toBe(250);
  });

  it('rejects anything else', () => {
    expect(parseMultiplier('3')).toBeNull();
    expect(parseMultiplier('0*')).toBeNull();
    expect(parseMultiplier('*')).toBeNull();
    expect(parseMultiplier('a*')).toBeNull();
    expect(parseMultiplier('1,2345*')).toBeNull();
  });

  it('splits a multiplier typed together with a code', () => {
    expect(splitMultipliedCode('3*7790070012345')).toEqual({
      multiplier: 3000,
      code: '7790070012345',
    });
    expect(splitMultipliedCode(' 7790070012345 ')).toEqual({
      multiplier: null,
      code: '7790070012345',
    });
  });
});
