import { describe, expect, it } from 'vitest';
import type { PolicyRow } from '../../../shared/contract/index.ts';
import {
  EMPTY_POLICY_FORM,
  formToPolicy,
  policyToForm,
  sortPolicyRows,
  type PolicyForm,
} from './policy-form.ts';

const full: PolicyForm = { markup: '40', minMargin: '15,5', rounding: 'up10', horizon: '15' };

describe('policy form', () => {
  it('round-trips a policy through its text fields', () => {
    const fields = {
      markupBp: 4_000,
      minMarginBp: 1_550,
      rounding: 'up10' as const,
      horizonDays: 15,
    };
    expect(policyToForm(fields)).toEqual(full);
    expect(formToPolicy(full, true)).toEqual({ ok: true, fields });
  });

  it('turns blanks into "hereda" for an override', () => {
    expect(formToPolicy({ ...EMPTY_POLICY_FORM, rounding: 'ends9' }, false)).toEqual({
      ok: true,
      fields: { markupBp: null, minMarginBp: null, rounding: 'ends9', horizonDays: null },
    });
    expect(
      policyToForm({ markupBp: null, minMarginBp: 0, rounding: null, horizonDays: 0 }),
    ).toEqual({
      markup: '',
      minMargin: '0',
      rounding: '',
      horizon: '0',
    });
  });

  it('refuses an override that changes nothing and a store policy with blanks', () => {
    expect(formToPolicy(EMPTY_POLICY_FORM, false)).toEqual({
      ok: false,
      message: 'La regla no cambia nada: completá al menos un dato o quitala.',
    });
    expect(formToPolicy({ ...full, minMargin: ' ', rounding: '' }, true)).toEqual({
      ok: false,
      message: 'La política general necesita todos sus datos. Falta: Margen mínimo, Redondeo.',
    });
  });

  it('names the field that is wrong', () => {
    expect(formToPolicy({ ...full, markup: 'mucho' }, true)).toEqual({
      ok: false,
      message: 'Recargo: «mucho» no es un porcentaje: escribí por ejemplo 2,7',
    });
    expect(formToPolicy({ ...full, minMargin: '-3' }, true)).toMatchObject({
      message: 'Margen mínimo: El porcentaje debe estar entre 0 % y 1.000 %.',
    });
    for (const horizon of ['1,5', '367', '-1', 'x']) {
      expect(formToPolicy({ ...full, horizon }, true)).toMatchObject({ ok: false });
    }
    expect(formToPolicy({ ...full, horizon: '366' }, true)).toMatchObject({ ok: true });
  });
});

describe('sortPolicyRows', () => {
  const row = (scope: PolicyRow['scope'], label: string): PolicyRow => ({
    scope,
    scopeId: label,
    label,
    markupBp: null,
    minMarginBp: null,
    rounding: 'up10',
    horizonDays: null,
    updatedAt: 0,
  });

  it('lists the rules in the order they win', () => {
    const sorted = sortPolicyRows([
      row('category', 'Almacén'),
      row('product', 'Yerba'),
      row('supplier', 'Distribuidora Sur'),
      row('product', 'Azúcar'),
    ]);
    expect(sorted.map((r) => r.label)).toEqual(['Azúcar', 'Yerba', 'Distribuidora Sur', 'Almacén']);
  });
});
