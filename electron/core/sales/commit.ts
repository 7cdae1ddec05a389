import type { ParsedInputOf, Sale } from '../../../shared/contract/index.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { saleTotals } from '../../../shared/domain/sale-math.ts';
import { prep } from '../db/statements.ts';
import { chargeCustomer, getCustomerRow } from '../cash/ledger.ts';
import { addSessionTotals, requireOpenSession } from '../cash/sessions.ts';
import type { Ctx } from '../context.ts';
import { AppError, invalid } from '../errors.ts';
import { postMovement } from '../stock/ledger.ts';
import {
  approvalActionLabel,
  loadApprovals,
  pickApproval,
  useApproval,
  type ApprovalCandidate,
} from './approvals.ts';
import { belowCostError, priceCart, type CartLine } from './cart.ts';
import { checkPayments, sumByTender } from './payments.ts';
import {
  INSERT_LINE,
  INSERT_PAYMENT,
  INSERT_SALE,
  readSale,
  saleIdByKey,
  toSale,
  type LineRow,
  type PaymentRow,
  type SaleRow,
} from './rows.ts';
import { readPosSettings, saleLocationOf } from './settings.ts';
import { saleSnapshot } from './snapshots.ts';

export type CommitInput = ParsedInputOf<'sales.commit'>;

/**
 * Approvals, one per thing authorised: each overridden price and each discount over the
 * cashier's limit spends its own approval (the supervisor typed the PIN for that line), a fiado
 * over the limit spends one for the sale, and so does a cashier's sale below cost. An approval
 * whose details name a product, a price, a discount, a customer or an amount only fits a line or
 * sale that matches them.
 */
function fitsLine(line: CartLine, kind: 'price' | 'discount') {
  return (d: Record<string, unknown> | null): boolean => {
    if (d === null) return true;
    if (typeof d.productId === 'string' && d.productId !== line.productId) return false;
    if (kind === 'price' && typeof d.unitPrice === 'number' && d.unitPrice !== line.unitPrice)
      return false;
    if (kind === 'discount' && typeof d.discountBp === 'number' && line.discountBp > d.discountBp)
      return false;
    return true;
  };
}

type Spend = {
  approvalId: string;
  action: 'price.override' | 'discount' | 'fiado.over_limit' | 'sale.below_cost';
};

function requiredApproval(action: Spend['action'], what: string, details: object): AppError {
  return new AppError(
    'APPROVAL_REQUIRED',
    `Hace falta la autorización de un supervisor para ${approvalActionLabel(action)}${what}`,
    { action, ...details },
  );
}

/** Decides which approval covers what; nothing is spent until the sale is written. */
function assignApprovals(
  lines: readonly CartLine[],
  candidates: readonly ApprovalCandidate[],
): { spends: Spend[]; perLine: Map<number, string> } {
  const taken = new Set<string>();
  const spends: Spend[] = [];
  const perLine = new Map<number, string>();
  for (const l of lines) {
    if (l.needsPriceApproval) {
      const id = pickApproval(candidates, taken, 'price.override', fitsLine(l, 'price'));
      if (id === null) {
        throw requiredApproval('price.override', ` de «${l.description}»`, {
          productId: l.productId,
          unitPrice: l.unitPrice,
        });
      }
      spends.push({ approvalId: id, action: 'price.override' });
      perLine.set(l.lineNo, id);
    }
    if (l.needsDiscountApproval) {
      const id = pickApproval(candidates, taken, 'discount', fitsLine(l, 'discount'));
      if (id === null) {
        throw requiredApproval('discount', ` en «${l.description}»`, {
          productId: l.productId,
          discountBp: l.discountBp,
        });
      }
      spends.push({ approvalId: id, action: 'discount' });
      if (!perLine.has(l.lineNo)) perLine.set(l.lineNo, id);
    }
  }
  return { spends, perLine };
}

/**
 * A cashier selling below cost needs the supervisor's word: one `sale.below_cost` approval for the
 * sale, which fits when it names no products or names every product sold below cost. Encargado
 * and dueño confirm on their own (as does the CLI, with no user). The approval also goes on each
 * below-cost line that no other approval covers, so the sale's audit entry names it.
 */
function belowCostApproval(
  lines: readonly CartLine[],
  candidates: readonly ApprovalCandidate[],
  spends: Spend[],
  perLine: Map<number, string>,
): void {
  const below = lines.filter((l) => l.belowCost);
  const productIds = [...new Set(below.map((l) => l.productId))];
  const fits = (d: Record<string, unknown> | null): boolean => {
    const named: unknown = d?.productIds;
    return !Array.isArray(named) || productIds.every((id) => named.includes(id));
  };
  const id = pickApproval(
    candidates,
    new Set(spends.map((s) => s.approvalId)),
    'sale.below_cost',
    fits,
  );
  if (id === null) {
    const names = [...new Set(below.map((l) => `«${l.description}»`))].join(', ');
    throw requiredApproval('sale.below_cost', `: ${names}`, { productIds });
  }
  spends.push({ approvalId: id, action: 'sale.below_cost' });
  for (const l of below) if (!perLine.has(l.lineNo)) perLine.set(l.lineNo, id);
}

function flagsOf(lines: readonly CartLine[], overLimit: boolean): string[] {
  const flags = new Set<string>();
  for (const l of lines) {
    if (l.belowCost) flags.add('below_cost');
    if (l.withoutStock) flags.add('without_stock');
    if (l.needsPriceApproval) flags.add('price_override');
    if (l.needsDiscountApproval) flags.add('discount_over_limit');
  }
  if (overLimit) flags.add('fiado_over_limit');
  return [...flags].sort();
}

/**
 * Writes a sale in one transaction: header, lines with the cost of this moment, payments,
 * stock out of the sale location, the drawer's running totals, the customer's account for
 * fiado, and one audit entry holding the whole sale. The idempotency key makes a double press
 * or a retried request return the sale already written, unchanged.
 */
export function commitSale(ctx: Ctx, input: CommitInput): Sale {
  const known = saleIdByKey(ctx.db, input.idempotencyKey);
  if (known !== null) return readSale(ctx.db, known) as Sale;

  const outcome = ctx.tx(() => {
    // Another process (the CLI, a second window) may have written it since the check above.
    const raced = saleIdByKey(ctx.db, input.idempotencyKey);
    if (raced !== null) return { sale: readSale(ctx.db, raced) as Sale, fresh: false };

    const session = requireOpenSession(ctx);
    const settings = readPosSettings(ctx.db);
    const locationId = saleLocationOf(settings);
    const supervisor = ctx.user?.role === 'dueno' || ctx.user?.role === 'encargado';
    const lines = priceCart(ctx.db, input.lines, {
      settings,
      locationId,
      mayDiscountFreely: supervisor,
    });
    const candidates = loadApprovals(ctx, input.approvalIds);
    const { spends, perLine } = assignApprovals(lines, candidates);

    const allCash = input.payments.every((p) => p.tender === 'efectivo');
    const totals = saleTotals(
      lines.map((l) => l.priced),
      {
        roundToCash: input.roundToCash && allCash && settings.cashRoundingStep > 0,
        roundingStep: settings.cashRoundingStep,
      },
    );
    const payments = checkPayments(input.payments, totals.total);
    const byTender = sumByTender(payments);
    const onAccount = byTender.get('cuenta_corriente') ?? 0;

    let overLimit = false;
    if (onAccount > 0 && input.customerId === undefined) {
      throw new AppError('CUSTOMER_REQUIRED', 'Elegí el cliente para fiar');
    }
    if (input.customerId !== undefined) {
      const c = getCustomerRow(ctx.db, input.customerId);
      if (!c) throw new AppError('NOT_FOUND', 'El cliente elegido no existe');
      if (c.active !== 1) {
        throw invalid(
          `«${c.name}» está dado de baja: ${onAccount > 0 ? 'no se le puede fiar' : 'elegí otro cliente'}`,
        );
      }
      if (onAccount > 0 && c.balance + onAccount > c.credit_limit) {
        overLimit = true;
        const fits = (d: Record<string, unknown> | null): boolean =>
          d === null ||
          ((typeof d.customerId !== 'string' || d.customerId === c.id) &&
            (typeof d.amount !== 'number' || d.amount >= onAccount));
        const id = pickApproval(
          candidates,
          new Set(spends.map((s) => s.approvalId)),
          'fiado.over_limit',
          fits,
        );
        if (id === null) {
          throw requiredApproval(
            'fiado.over_limit',
            `: «${c.name}» debe ${formatMoney(c.balance)} y su límite es ${formatMoney(c.credit_limit)}`,
            { customerId: c.id, amount: onAccount },
          );
        }
        spends.push({ approvalId: id, action: 'fiado.over_limit' });
      }
    }
    if (lines.some((l) => l.belowCost)) {
      const needsSupervisor = ctx.user?.role === 'cajero';
      if (!input.confirmBelowCost) throw belowCostError(lines, needsSupervisor);
      if (needsSupervisor) belowCostApproval(lines, candidates, spends, perLine);
    }

    const saleId = ctx.newId();
    for (const s of spends) useApproval(ctx, s.approvalId, [s.action], saleId);
    // Lines removed (or a ticket cleared) with a supervisor's PIN while this ticket was being
    // rung up: spending them here ties each removal to the ticket it happened in.
    const spent = new Set(spends.map((s) => s.approvalId));
    for (const c of candidates) {
      if (
        (c.action === 'line.remove' || c.action === 'sale.clear') &&
        c.usable &&
        !spent.has(c.id)
      ) {
        useApproval(ctx, c.id, [c.action], saleId);
      }
    }

    const number =
      prep<[], { n: number }>(ctx.db, 'SELECT ifnull(max(number), 0) + 1 AS n FROM sales').get()
        ?.n ?? 1;
    const row: SaleRow = {
      id: saleId,
      number,
      idempotency_key: input.idempotencyKey,
      at: ctx.now(),
      session_id: session.id,
      user_id: ctx.user?.id ?? null,
      customer_id: input.customerId ?? null,
      location_id: locationId,
      subtotal: totals.subtotal,
      discount_total: totals.discountTotal,
      rounding: totals.rounding,
      total: totals.total,
      change: payments.reduce((sum, p) => sum + p.change, 0),
      iva: JSON.stringify(totals.iva),
      flags: JSON.stringify(flagsOf(lines, overLimit)),
    };
    prep(ctx.db, INSERT_SALE).run(row);
    const lineRows: LineRow[] = lines.map((l) => ({
      id: ctx.newId(),
      sale_id: saleId,
      line_no: l.lineNo,
      product_id: l.productId,
      code: l.code,
      description: l.description,
      unit: l.unit,
      qty: l.qty,
      list_price: l.listPrice,
      unit_price: l.unitPrice,
      discount_bp: l.discountBp,
      total: l.total,
      unit_cost: l.unitCost,
      iva_rate_bp: l.ivaRateBp,
      below_cost: l.belowCost ? 1 : 0,
      without_stock: l.withoutStock ? 1 : 0,
      approval_id: perLine.get(l.lineNo) ?? null,
      returned_qty: 0,
    }));
    const insertLine = prep(ctx.db, INSERT_LINE);
    for (const l of lineRows) insertLine.run(l);
    const paymentRows: PaymentRow[] = payments.map((p) => ({
      id: ctx.newId(),
      sale_id: saleId,
      ...p,
    }));
    const insertPayment = prep(ctx.db, INSERT_PAYMENT);
    for (const p of paymentRows) insertPayment.run(p);

    for (const l of lineRows) {
      postMovement(ctx, {
        productId: l.product_id,
        locationId,
        qty: -l.qty,
        kind: 'venta',
        reason: 'Venta',
        reference: `Ticket ${number}`,
      });
    }
    for (const [tender, amount] of byTender) {
      addSessionTotals(ctx, session.id, tender, { sales: amount, count: 1 });
    }
    if (onAccount > 0 && input.customerId !== undefined) {
      chargeCustomer(ctx, {
        customerId: input.customerId,
        amount: onAccount,
        saleId,
        sessionId: session.id,
      });
    }
    ctx.audit.append(ctx.actor, {
      action: 'sale.create',
      entity: 'sale',
      entityId: saleId,
      after: saleSnapshot(row, lineRows, paymentRows),
    });
    const customerName =
      input.customerId === undefined
        ? null
        : (getCustomerRow(ctx.db, input.customerId)?.name ?? null);
    const sale = toSale(row, lineRows, paymentRows, {
      userName: ctx.user?.name ?? null,
      customerName,
    });
    return { sale, fresh: true };
  });
  if (outcome.fresh) {
    const productIds = [...new Set(outcome.sale.lines.map((l) => l.productId))];
    ctx.emit({ type: 'stock.changed', payload: { productIds } });
  }
  return outcome.sale;
}
