import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { addProduct, newTicket, overridePrice, setCustomer } from '../../stores/ticket.ts';
import { buildCommitInput, classifyCommitError } from './checkout.ts';

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
