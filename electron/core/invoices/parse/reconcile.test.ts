import { describe, expect, it } from 'vitest';
import type { FieldInfo, InvoiceData } from '../../../../shared/contract/index.ts';
import { ivaFromTotal, oneSlipApart, reconcile } from './reconcile.ts';

function invoice(over: Partial<InvoiceData>): InvoiceData {
  return {
    letter: 'A',
    issuer: {},
    recipient: {},
    currency: 'ARS',
    netByRate: {},
    ivaByRate: {},
    perceptions: 0,
    otherTaxes: 0,
    items: [
      {
        description: 'Yerba',
        quantity: 12_000,
        unit: 'u',
        unitPrice: 310_000,
        discountBp: 0,
        amount: 3_720_000,
        confidence: 1,
        boxes: [],
      },
    ],
    ...over,
  };
}

describe('reconciling the figures of an invoice', () => {
  it('knows a slip from rounding', () => {
    expect(oneSlipApart(66_041_891, 6_041_891)).toBe(true);
    expect(oneSlipApart(1_351_350, 1_351_950)).toBe(true);
    expect(oneSlipApart(78_120, 78_121)).toBe(false);
    expect(oneSlipApart(100_000, 250_000)).toBe(false);
  });

  it('fixes a total one digit off when the lines, nets and IVA agree', () => {
    const fields: Record<string, FieldInfo> = {};
    const d = invoice({
      netByRate: { '2100': 3_720_000 },
      ivaByRate: { '2100': 781_200 },
      total: 501_200,
    });
    reconcile(d, fields);
    expect(d.total).toBe(4_501_200);
    expect(fields.total?.source).toBe('computed');
  });

  it('computes a missing IVA from its net and leaves a centavo of rounding alone', () => {
    const d = invoice({ netByRate: { '2100': 3_720_000 }, total: 4_501_201 });
    reconcile(d, {});
    expect(d.ivaByRate).toEqual({ '2100': 781_200 });
    expect(d.total).toBe(4_501_201);
  });

  it('does not touch figures that disagree by more than a slip', () => {
    const d = invoice({
      netByRate: { '2100': 3_720_000 },
      ivaByRate: { '2100': 781_200 },
      total: 9_999_999,
    });
    reconcile(d, {});
    expect(d.total).toBe(9_999_999);
  });

  it('takes an «IVA 21%» figure that is really the net for the net, when lines or total say so', () => {
    // The lines add up to it.
    const byLines = invoice({ ivaByRate: { '2100': 3_720_000 } });
    reconcile(byLines, {});
    expect(byLines.netByRate).toEqual({ '2100': 3_720_000 });
    expect(byLines.ivaByRate).toEqual({ '2100': 781_200 });
    // The lines were misread, but it and its IVA make the total.
    const byTotal = invoice({ ivaByRate: { '2100': 5_000_000 }, total: 6_050_000 });
    reconcile(byTotal, {});
    expect(byTotal.netByRate).toEqual({ '2100': 5_000_000 });
    // A true IVA figure is left alone; the net is what is left of the total.
    const fields: Record<string, FieldInfo> = {};
    const iva = invoice({ ivaByRate: { '2100': 781_200 }, total: 4_501_200 });
    reconcile(iva, fields);
    expect(iva.ivaByRate).toEqual({ '2100': 781_200 });
    expect(iva.netByRate).toEqual({ '2100': 3_720_000 });
    expect(fields['netByRate.2100']).toMatchObject({ source: 'computed', confidence: 0.7 });
  });

  it('leaves the net unread when what is left of the total does not give the IVA printed', () => {
    const d = invoice({ ivaByRate: { '2100': 781_200 }, total: 4_600_000 });
    reconcile(d, {});
    expect(d.netByRate).toEqual({});
    const b = invoice({ letter: 'B', ivaByRate: { '2100': 781_200 }, total: 4_501_200 });
    reconcile(b, {});
    expect(b.netByRate).toEqual({});
  });

  it('takes a lost IVA from what the total leaves over the net, only when it is the net’s IVA', () => {
    // Net 21 % 695.860,43 + IVA (lost) + perception 20.875,81 = 862.866,93; no letter read.
    const d = invoice({
      letter: undefined,
      netByRate: { '2100': 69_586_043 },
      perceptions: 2_087_581,
      total: 86_286_693,
    });
    const fields: Record<string, FieldInfo> = {};
    ivaFromTotal(d, fields);
    expect(d.ivaByRate).toEqual({ '2100': 14_613_069 });
    expect(fields['ivaByRate.2100']?.source).toBe('computed');
    // A total that leaves anything else over says nothing of the IVA.
    const off = invoice({
      letter: undefined,
      netByRate: { '2100': 69_586_043 },
      total: 86_286_693,
    });
    ivaFromTotal(off, {});
    expect(off.ivaByRate).toEqual({});
    // Nor on a B, whose «net» is the total with its IVA in it.
    const b = invoice({
      letter: 'B',
      netByRate: { '2100': 69_586_043 },
      perceptions: 2_087_581,
      total: 86_286_693,
    });
    ivaFromTotal(b, {});
    expect(b.ivaByRate).toEqual({});
  });

  it('adds up a total never read when the lines agree with the net, and only then', () => {
    const fields: Record<string, FieldInfo> = {};
    const d = invoice({ netByRate: { '2100': 3_720_000 }, ivaByRate: { '2100': 781_200 } });
    reconcile(d, fields);
    expect(d.total).toBe(4_501_200);
    expect(fields.total).toMatchObject({ source: 'computed', confidence: 0.6 });
    const apart = invoice({ netByRate: { '2100': 5_000_000 }, ivaByRate: { '2100': 1_050_000 } });
    reconcile(apart, {});
    expect(apart.total).toBeUndefined();
    // Letter B: no net printed, nothing to vouch for the lines.
    const b = invoice({ letter: 'B' });
    reconcile(b, {});
    expect(b.total).toBeUndefined();
  });
});
