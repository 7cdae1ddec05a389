import { describe, expect, it } from 'vitest';
import { stretchContrast } from './contrast.ts';

describe('stretching the contrast', () => {
  it('maps the darkest and lightest percent to black and white, in a straight line', () => {
    // Faint print: ink at 120, paper at 200, a few pixels at every level between.
    const gray = new Uint8Array(10_000).fill(200);
    for (let i = 0; i < 2_000; i++) gray[i] = 120;
    for (let v = 121; v < 200; v++) gray[2_000 + v] = v;
    stretchContrast(gray);
    expect(gray[0]).toBe(0);
    expect(gray[9_999]).toBe(255);
    // Halfway between ink and paper lands halfway between black and white.
    expect(gray[2_000 + 160]).toBe(128);
  });

  it('leaves a blank page alone instead of magnifying its grain', () => {
    const gray = new Uint8Array(1_000);
    for (let i = 0; i < gray.length; i++) gray[i] = 240 + (i % 5);
    const before = Uint8Array.from(gray);
    stretchContrast(gray);
    expect(gray).toEqual(before);
  });
});
