import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64.ts';

describe('base64', () => {
  it('encodes bytes the way Node does, including Windows-1252 bytes', () => {
    const bytes = new Uint8Array([0x41, 0xf1, 0x3b, 0xe1, 0x0d, 0x0a, 0xff, 0x00]);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('round-trips a file larger than one chunk', () => {
    const bytes = new Uint8Array(200_001).map((_, i) => (i * 31) % 256);
    const back = base64ToBytes(bytesToBase64(bytes));
    expect(back.length).toBe(bytes.length);
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
  });
});
