import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('debounce', () => {
  it('runs once with the last arguments after the typing stops', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const search = debounce((text: string) => seen.push(text), 120);
    search('y');
    vi.advanceTimersByTime(50);
    search('ye');
    vi.advanceTimersByTime(50);
    search('yer');
    vi.advanceTimersByTime(119);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['yer']);
  });

  it('can be cancelled', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 100);
    d();
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
  });
});
