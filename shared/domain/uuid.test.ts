import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { createIdFactory, isUuidV7, sequentialIds, uuidv7, uuidv7Time } from './uuid.ts';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function expectStrictlyIncreasing(ids: string[]): void {
  for (let i = 1; i < ids.length; i++) {
    const prev = ids[i - 1] ?? '';
    const cur = ids[i] ?? '';
    if (!(prev < cur)) expect.fail(`${prev} !< ${cur} at ${i}`);
  }
}

describe('uuidv7', () => {
  it('has the RFC 9562 v7 format', () => {
    for (let i = 0; i < 100; i++) expect(uuidv7()).toMatch(V7);
  });

  it('is monotonic over 10,000 ids', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    expectStrictlyIncreasing(ids);
    expect(new Set(ids).size).toBe(10_000);
  });

  it('encodes the current time', () => {
    const before = Date.now();
    const t = uuidv7Time(uuidv7());
    // May be slightly ahead if the shared counter overflowed in an earlier test.
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThan(Date.now() + 1000);
  });

  it('rejects timestamps outside 48 bits', () => {
    expect(() => uuidv7(-1)).toThrow(RangeError);
    expect(() => uuidv7(2 ** 48)).toThrow(RangeError);
    expect(() => uuidv7(NaN)).toThrow(RangeError);
  });
});

describe('createIdFactory', () => {
  it('round-trips the time', () => {
    const t = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
    const next = createIdFactory({ now: () => t });
    expect(uuidv7Time(next())).toBe(t);
    expect(uuidv7Time(createIdFactory({ now: () => 2 ** 48 - 1 })())).toBe(2 ** 48 - 1);
    expect(uuidv7Time(createIdFactory({ now: () => 0 })())).toBe(0);
  });

  it('stays monotonic when the clock is frozen (counter overflow bumps the ms)', () => {
    const next = createIdFactory({ now: () => 1_000 });
    const ids = Array.from({ length: 10_000 }, next);
    expectStrictlyIncreasing(ids);
    expect(ids.every((id) => V7.test(id))).toBe(true);
    expect(uuidv7Time(ids[0] ?? '')).toBe(1_000);
    expect(uuidv7Time(ids[9_999] ?? '')).toBeGreaterThan(1_000);
  });

  it('stays monotonic when the clock goes backwards', () => {
    let t = 5_000;
    const next = createIdFactory({ now: () => t });
    const a = next();
    t = 4_000;
    const b = next();
    expect(a < b).toBe(true);
    expect(uuidv7Time(b)).toBe(5_000);
  });

  it('is deterministic with a seed and a fixed clock', () => {
    const make = () => createIdFactory({ now: () => 42, seed: 7 });
    const a = make();
    const b = make();
    const idsA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(idsA);
    expect(idsA.every((id) => V7.test(id))).toBe(true);
    expect(createIdFactory({ now: () => 42, seed: 8 })()).not.toBe(idsA[0]);
  });

  it('uses the injected random source', () => {
    const zeros = createIdFactory({ now: () => 0, random: (b) => b.fill(0) });
    expect(zeros()).toBe('00000000-0000-7000-8000-000000000000');
    expect(zeros()).toBe('00000000-0000-7001-8000-000000000000');
  });
});

describe('sequentialIds', () => {
  it('produces readable, valid, increasing ids', () => {
    const next = sequentialIds();
    expect(next()).toBe('00000000-0000-7000-8000-000000000000');
    expect(next()).toBe('00000000-0000-7001-8000-000000000001');
    const next2 = sequentialIds(1_700_000_000_000);
    const ids = Array.from({ length: 10_000 }, next2);
    expectStrictlyIncreasing(ids);
    expect(ids.every((id) => V7.test(id))).toBe(true);
    expect(uuidv7Time(ids[0] ?? '')).toBe(1_700_000_000_000);
    expect(uuidv7Time(ids[4096] ?? '')).toBe(1_700_000_000_001);
  });

  it('is deterministic', () => {
    const a = sequentialIds(123);
    const b = sequentialIds(123);
    expect([a(), a()]).toEqual([b(), b()]);
  });
});

describe('uuidv7Time / isUuidV7', () => {
  it('rejects non-v7 ids', () => {
    expect(isUuidV7('00000000-0000-4000-8000-000000000000')).toBe(false);
    expect(isUuidV7('nope')).toBe(false);
    expect(isUuidV7(uuidv7())).toBe(true);
    expect(() => uuidv7Time('00000000-0000-4000-8000-000000000000')).toThrow(DomainError);
  });

  it('accepts upper case', () => {
    expect(uuidv7Time('0185E2B0-7C00-7000-8000-000000000000')).toBe(0x0185e2b07c00);
  });
});
