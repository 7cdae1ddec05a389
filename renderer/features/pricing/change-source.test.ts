import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { importErrorLines, sourceLabel } from './change-source.ts';

describe('sourceLabel', () => {
  it('names the known origins in Spanish', () => {
    expect(sourceLabel('product.update')).toBe('edición');
    expect(sourceLabel('producto')).toBe('edición');
    expect(sourceLabel('pricing.batch')).toBe('actualización masiva');
    expect(sourceLabel('pricing.undo')).toBe('deshacer');
    expect(sourceLabel('product.cost')).toBe('factura');
    expect(sourceLabel('factura')).toBe('factura');
    expect(sourceLabel('product.import')).toBe('importación');
    expect(sourceLabel('product.import_update')).toBe('importación');
  });

  it('shows an unknown origin as it came', () => {
    expect(sourceLabel('sync.remote')).toBe('sync.remote');
  });
});

describe('importErrorLines', () => {
  it('lists every line the core refused', () => {
    const e = new ApiError({
      code: 'INVALID_INPUT',
      message: 'El archivo de IPC tiene errores; no se importó nada. Línea 2: …',
      details: {
        errors: [
          { line: 2, message: 'Línea 2: «2025-13» no es un mes válido (AAAA-MM)' },
          { line: 5, message: 'Línea 5: «x» no es un porcentaje válido para 2025-04' },
        ],
      },
    });
    expect(importErrorLines(e)).toEqual([
      'Línea 2: «2025-13» no es un mes válido (AAAA-MM)',
      'Línea 5: «x» no es un porcentaje válido para 2025-04',
    ]);
  });

  it('falls back to the message for other failures', () => {
    const gap = new ApiError({ code: 'INVALID_INPUT', message: 'Faltarían los meses…' });
    expect(importErrorLines(gap)).toEqual(['Faltarían los meses…']);
    const odd = new ApiError({ code: 'X', message: 'Otro', details: { errors: [{ line: 1 }] } });
    expect(importErrorLines(odd)).toEqual(['Otro']);
    expect(importErrorLines(new Error('Sin red'))).toEqual(['Sin red']);
  });
});
