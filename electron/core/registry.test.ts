import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from './logger.ts';
import { openTestStore, type TestStore } from './testing/harness.ts';

let store: TestStore | null = null;
afterEach(() => store?.close());

/** The core's logger, kept in memory so a test reads what a developer would. */
function memoryLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const write = (msg: string, data?: Record<string, unknown>) =>
    void lines.push(`${msg} ${JSON.stringify(data ?? {})}`);
  return { log: { info: write, warn: write, error: write }, lines };
}

const sale = (qty: number) => ({
  idempotencyKey: 'clave-de-prueba-1',
  lines: [{ productId: 'p1', qty }],
  payments: [{ tender: 'efectivo' as const, amount: 100 }],
});

describe('invalid input at the counter', () => {
  it("shows the schema's Spanish sentence alone and keeps the path for developers", async () => {
    const { log, lines } = memoryLogger();
    const s = (store = openTestStore({ logger: log }));
    const r = await s.attempt('sales.commit', sale(0));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'La cantidad debe ser mayor que cero',
        details: [{ path: 'lines.0.qty', message: 'La cantidad debe ser mayor que cero' }],
      },
    });
    expect(lines.some((l) => l.includes('lines.0.qty: La cantidad debe ser mayor que cero'))).toBe(
      true,
    );
  });

  it('prefers a sentence written for the user over a generic one in the same input', async () => {
    const s = (store = openTestStore());
    // An unknown key only has zod's generic text; the zero quantity has the schema's own.
    const r = await s.attempt('sales.commit', { ...sale(0), extra: true } as never);
    expect(!r.ok && r.error.message).toBe('La cantidad debe ser mayor que cero');
  });

  it("falls back to «Datos inválidos» with zod's Spanish text, without the path", async () => {
    const s = (store = openTestStore());
    const r = await s.attempt('sales.get', { number: -3 });
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.error.message;
    expect(message).toMatch(/^Datos inválidos — \S/);
    expect(message).not.toContain('number');
    expect(message).not.toContain('\u0000');
  });
});
