import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { addProduct, newTicket, overridePrice, setCustomer } from '../../stores/ticket.ts';
import {
  belowCostApprovalRequest,
  buildCommitInput,
  classifyCommitError,
  type BelowCostFailure,
} from './checkout.ts';

const product = {
  id: 'p1',
  name: 'Yerba Playadito 1 kg',
  brand: null,
  unit: 'u' as const,
  price: 4_500_00,
  ivaRateBp: 2100 as const,
  cost: 4_000_00,
};

function ticket() {
  let tk = addProduct(newTicket('key-0001'), product, { code: '7790150006008' });
  tk = overridePrice(tk, tk.lines[0]!.key, 4_000_00, 'ap-1');
  return setCustomer(tk, { id: 'c1', name: 'Rosa', balance: 0, creditLimit: 10_000_00 });
}

describe('the sale sent to the core', () => {
  it('carries the ticket key, lines, payments, customer and every approval', () => {
    const input = buildCommitInput(
      ticket(),
      [{ tender: 'cuenta_corriente', amount: 4_000_00, tendered: null, reference: null }],
      { roundToCash: false, confirmBelowCost: true, extraApprovalIds: ['ap-fiado'] },
    );
    expect(input).toEqual({
      idempotencyKey: 'key-0001',
      lines: [{ productId: 'p1', qty: 1000, unitPrice: 4_000_00, code: '7790150006008' }],
      payments: [{ tender: 'cuenta_corriente', amount: 4_000_00 }],
      customerId: 'c1',
      roundToCash: false,
      confirmBelowCost: true,
      approvalIds: ['ap-1', 'ap-fiado'],
    });
  });
});

describe('what a failed commit means for the cashier', () => {
  it('lists the lines sold below cost', () => {
    const e = new ApiError({
      code: 'BELOW_COST',
      message: 'Hay productos por debajo del costo',
      details: {
        lines: [
          {
            productId: 'p1',
            name: 'Yerba Playadito 1 kg',
            unitPrice: 4_000_00,
            unitPriceNet: 3_305_79,
            unitCost: 4_000_00,
          },
        ],
      },
    });
    const f = classifyCommitError(e, ticket());
    expect(f.kind).toBe('below_cost');
    expect(f.kind === 'below_cost' && f.lines[0]).toBe(
      'Yerba Playadito 1 kg: sin IVA se vende a $ 3.305,79 y cuesta $ 4.000,00',
    );
    // An older answer without the flag: confirming needs no PIN, as before.
    expect(f).toMatchObject({ productIds: ['p1'], needsSupervisor: false });
  });

  it('says when confirming a sale below cost takes a supervisor, and what the supervisor signs', () => {
    const e = new ApiError({
      code: 'BELOW_COST',
      message: 'Se vende por debajo del costo',
      details: {
        needsSupervisor: true,
        lines: [
          {
            productId: 'p1',
            name: 'Yerba Playadito 1 kg',
            unitPriceNet: 3_305_79,
            unitCost: 4_000_00,
          },
          { productId: 'p2', name: 'Detergente', unitPriceNet: 826_45, unitCost: 900_00 },
          {
            productId: 'p1',
            name: 'Yerba Playadito 1 kg',
            unitPriceNet: 3_305_79,
            unitCost: 4_000_00,
          },
        ],
      },
    });
    const f = classifyCommitError(e, ticket()) as BelowCostFailure;
    expect(f).toMatchObject({
      kind: 'below_cost',
      needsSupervisor: true,
      productIds: ['p1', 'p2'],
    });
    expect(belowCostApprovalRequest(f, ticket())).toEqual({
      summary:
        'Yerba Playadito 1 kg: sin IVA se vende a $ 3.305,79 y cuesta $ 4.000,00 · ' +
        'Detergente: sin IVA se vende a $ 826,45 y cuesta $ 900,00',
      details: { ticket: 'key-0001', productIds: ['p1', 'p2'], lines: f.lines },
    });
  });

  it('asks the below-cost confirmation again when the core still wants the supervisor for it', () => {
    const e = new ApiError({
      code: 'APPROVAL_REQUIRED',
      message: 'Hace falta la autorización de un supervisor para vender por debajo del costo',
      details: { action: 'sale.below_cost', productIds: ['p1'] },
    });
    expect(classifyCommitError(e, ticket())).toEqual({
      kind: 'below_cost',
      message: 'Hace falta la autorización de un supervisor para vender por debajo del costo',
      lines: ['Yerba Playadito 1 kg: sin IVA se vende a $ 3.305,79 y cuesta $ 4.000,00'],
      productIds: ['p1'],
      needsSupervisor: true,
    });
    const price = new ApiError({
      code: 'APPROVAL_REQUIRED',
      message: 'x',
      details: { action: 'price.override' },
    });
    expect(classifyCommitError(price, ticket()).kind).toBe('approval');
  });

  it('leaves the products out of the approval when the refusal did not name them', () => {
    const f: BelowCostFailure = {
      kind: 'below_cost',
      message: 'Se vende por debajo del costo',
      lines: [],
      productIds: [],
      needsSupervisor: true,
    };
    expect(belowCostApprovalRequest(f, ticket())).toEqual({
      summary: 'Se vende por debajo del costo',
      details: { ticket: 'key-0001', lines: [] },
    });
  });

  it('tells a lost connection (retry with the same key) from a closed drawer', () => {
    expect(
      classifyCommitError(new ApiError({ code: 'UNAVAILABLE', message: 'x' }), ticket()).kind,
    ).toBe('network');
    expect(
      classifyCommitError(new ApiError({ code: 'NO_CASH_SESSION', message: 'x' }), ticket()).kind,
    ).toBe('no_session');
    expect(
      classifyCommitError(new ApiError({ code: 'APPROVAL_EXPIRED', message: 'x' }), ticket()).kind,
    ).toBe('approval');
  });
});
