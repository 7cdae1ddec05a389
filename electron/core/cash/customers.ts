import type { Database } from 'better-sqlite3';
import type { Customer, CustomerLedgerEntry } from '../../../shared/contract/index.ts';
import { foldText, searchTokens } from '../../../shared/domain/text.ts';
import { prep } from '../db/statements.ts';
import type { Ctx } from '../context.ts';
import { AppError, conflict, invalid, notFound } from '../errors.ts';
import { useApproval } from '../sales/approvals.ts';
import { customerRow, ledgerEntry, postLedger } from './ledger.ts';
import { addSessionTotals, openSessionOf } from './sessions.ts';
import { customerSnapshot, toCustomer, type CustomerRow } from './snapshots.ts';

/**
 * Customers with cuenta corriente (fiado). A shop has tens or a few hundred of them, so search
 * folds accents and case in JS over the whole table rather than keeping a folded column.
 */

const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

/** Digits and letters only: "20-12345678-9" and "20123456789" are the same document. */
const docKey = (s: string): string => foldText(s).replace(/[^0-9a-z]/g, '');

const blankToNull = (s: string | null | undefined): string | null => {
  const t = s?.trim() ?? '';
  return t === '' ? null : t;
};

/**
 * Active first, by name. withBalanceOnly keeps anyone whose account is not settled, owing or
 * in credit. Every typed word must appear in the name, the document or the phone.
 */
export function listCustomers(
  db: Database,
  q: { text: string; withBalanceOnly: boolean; limit: number },
): Customer[] {
  const rows = prep<[], CustomerRow>(
    db,
    `SELECT * FROM customers${q.withBalanceOnly ? ' WHERE balance <> 0' : ''}`,
  ).all();
  const tokens = searchTokens(q.text);
  const hits =
    tokens.length === 0
      ? rows
      : rows.filter((r) => {
          const hay = `${foldText(r.name)} ${foldText(r.document ?? '')} ${docKey(r.document ?? '')} ${foldText(r.phone ?? '')}`;
          return tokens.every((t) => hay.includes(t));
        });
  return hits
    .sort(
      (a, b) => b.active - a.active || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1),
    )
    .slice(0, q.limit)
    .map(toCustomer);
}

export function getCustomer(db: Database, id: string): Customer {
  const row = customerRow(db, id);
  if (!row) throw notFound('El cliente');
  return toCustomer(row);
}

/** Two customers with one DNI/CUIT would split one person's debt across two accounts. */
function assertDocumentFree(db: Database, document: string | null, exceptId: string | null): void {
  if (document === null) return;
  const key = docKey(document);
  if (key === '') return;
  const rows = prep<[], { id: string; name: string; document: string }>(
    db,
    'SELECT id, name, document FROM customers WHERE document IS NOT NULL',
  ).all();
  const other = rows.find((r) => r.id !== exceptId && docKey(r.document) === key);
  if (other) throw conflict(`Ya hay un cliente con el documento ${document}: ${other.name}`);
}

export function createCustomer(
  ctx: Ctx,
  input: { name: string; document: string | null; phone: string | null; creditLimit: number },
): Customer {
  const name = input.name.trim();
  if (name === '') throw invalid('El nombre no puede estar vacío');
  if (!Number.isSafeInteger(input.creditLimit) || input.creditLimit < 0) {
    throw invalid('El límite de crédito no puede ser negativo');
  }
  return ctx.tx(() => {
    const document = blankToNull(input.document);
    assertDocumentFree(ctx.db, document, null);
    const row: CustomerRow = {
      id: ctx.newId(),
      name,
      document,
      phone: blankToNull(input.phone),
      credit_limit: input.creditLimit,
      balance: 0,
      active: 1,
      created_at: ctx.now(),
    };
    prep(
      ctx.db,
      `INSERT INTO customers (id, name, document, phone, credit_limit, balance, active, created_at)
       VALUES (@id, @name, @document, @phone, @credit_limit, @balance, @active, @created_at)`,
    ).run(row);
    ctx.audit.append(ctx.actor, {
      action: 'customer.create',
      entity: 'customer',
      entityId: row.id,
      after: customerSnapshot(row),
    });
    return toCustomer(row);
  });
}

/**
 * Edits the card. The balance is not editable here: it moves only through the ledger. A limit
 * below the current debt is allowed; it just stops further fiado until the customer pays.
 */
export function updateCustomer(
  ctx: Ctx,
  input: {
    id: string;
    name?: string | undefined;
    document?: string | null | undefined;
    phone?: string | null | undefined;
    creditLimit?: number | undefined;
    active?: boolean | undefined;
  },
): Customer {
  return ctx.tx(() => {
    const before = customerRow(ctx.db, input.id);
    if (!before) throw notFound('El cliente');
    const after: CustomerRow = { ...before };
    if (input.name !== undefined) {
      after.name = input.name.trim();
      if (after.name === '') throw invalid('El nombre no puede estar vacío');
    }
    if (input.document !== undefined) after.document = blankToNull(input.document);
    if (input.phone !== undefined) after.phone = blankToNull(input.phone);
    if (input.creditLimit !== undefined) {
      if (!Number.isSafeInteger(input.creditLimit) || input.creditLimit < 0) {
        throw invalid('El límite de crédito no puede ser negativo');
      }
      after.credit_limit = input.creditLimit;
    }
    if (input.active !== undefined) after.active = input.active ? 1 : 0;
    const snapBefore = customerSnapshot(before);
    const snapAfter = customerSnapshot(after);
    if (JSON.stringify(snapBefore) === JSON.stringify(snapAfter)) return toCustomer(before);
    if (after.document !== before.document) assertDocumentFree(ctx.db, after.document, after.id);
    prep(
      ctx.db,
      `UPDATE customers SET name = @name, document = @document, phone = @phone,
         credit_limit = @credit_limit, active = @active WHERE id = @id`,
    ).run(after);
    ctx.audit.append(ctx.actor, {
      action: 'customer.update',
      entity: 'customer',
      entityId: after.id,
      before: snapBefore,
      after: snapAfter,
    });
    return toCustomer(after);
  });
}

/**
 * A customer pays their account. Cash goes into the open drawer (so a session must be open);
 * card and transfer payments join the open session's terminal batch when there is one. Paying
 * more than is owed is allowed: the balance goes negative, a credit in the customer's favour
 * that the next fiado uses up — refusing would send the cashier to split the bills by hand.
 */
export function recordPayment(
  ctx: Ctx,
  input: {
    customerId: string;
    amount: number;
    tender: 'efectivo' | 'debito' | 'credito' | 'transferencia';
    note?: string | undefined;
  },
): CustomerLedgerEntry {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw invalid('El pago debe ser mayor que cero');
  }
  const id = ctx.tx(() => {
    if (!customerRow(ctx.db, input.customerId)) throw notFound('El cliente');
    const open = openSessionOf(ctx);
    if (!open && input.tender === 'efectivo') {
      throw new AppError('NO_CASH_SESSION', 'Abrí la caja para cobrar en efectivo');
    }
    const row = postLedger(ctx, {
      customerId: input.customerId,
      kind: 'pago',
      amount: -input.amount,
      sessionId: open?.id ?? null,
      tender: input.tender,
      note: blankToNull(input.note),
      action: 'customer.payment',
    });
    if (open) addSessionTotals(ctx, open.id, input.tender, { customerPayments: input.amount });
    return row.id;
  });
  return ledgerEntry(ctx.db, id);
}

/**
 * Corrects a balance (a forgotten charge, a debt forgiven) with the owner's approval. When the
 * approval names a customer or an amount, they must be these: a PIN typed for "$ 500 to Juan"
 * does not authorise "$ 50.000 to Pedro".
 */
export function adjustBalance(
  ctx: Ctx,
  input: { customerId: string; amount: number; reason: string; approvalId: string },
): CustomerLedgerEntry {
  const reason = input.reason.trim();
  if (reason === '') throw invalid('Indicá el motivo');
  if (!Number.isSafeInteger(input.amount) || input.amount === 0) {
    throw invalid('El ajuste no puede ser cero');
  }
  const id = ctx.tx(() => {
    if (!customerRow(ctx.db, input.customerId)) throw notFound('El cliente');
    const entryId = ctx.newId();
    const approval = useApproval(ctx, input.approvalId, ['customer.adjust'], entryId);
    const d = approval.details ?? {};
    if (
      (d.customerId !== undefined && d.customerId !== input.customerId) ||
      (d.amount !== undefined && d.amount !== input.amount)
    ) {
      throw new AppError(
        'APPROVAL_MISMATCH',
        'La autorización fue para otro cliente u otro importe: pedí una nueva',
      );
    }
    postLedger(ctx, {
      id: entryId,
      customerId: input.customerId,
      kind: 'ajuste',
      amount: input.amount,
      sessionId: openSessionOf(ctx)?.id ?? null,
      note: reason,
      approvalId: approval.id,
      action: 'customer.adjust',
    });
    return entryId;
  });
  return ledgerEntry(ctx.db, id);
}

/** What all customers owe together: only positive balances, a credit does not offset a debt. */
export function totalOwed(db: Database): { total: number; customers: number } {
  return (
    prep<[], { total: number; customers: number }>(
      db,
      'SELECT ifnull(sum(balance), 0) AS total, count(*) AS customers FROM customers WHERE balance > 0',
    ).get() ?? { total: 0, customers: 0 }
  );
}
