import { reportCsv, reportFileName } from '../../../shared/domain/cash-report-csv.ts';
import type { Handlers } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  adjustBalance,
  createCustomer,
  getCustomer,
  listCustomers,
  recordPayment,
  totalOwed,
  updateCustomer,
} from './customers.ts';
import { customerLedger } from './ledger.ts';
import { openDrawerNoSale, recordMovement, sessionMovements } from './movements.ts';
import { buildCashReport, sessionReport } from './reports.ts';
import {
  closeSession,
  currentSession,
  listSessions,
  openSession,
  openSessionOf,
  readPosDevice,
} from './sessions.ts';

export const cashHandlers = {
  'cash.current': (_input, ctx) => currentSession(ctx.db, readPosDevice(ctx.db).register),

  'cash.open': (input, ctx) => openSession(ctx, input.openingFloat),

  'cash.movement': (input, ctx) => recordMovement(ctx, input),

  'cash.openDrawer': (input, ctx) => openDrawerNoSale(ctx, input),

  'cash.movements': (input, ctx) => sessionMovements(ctx, input.sessionId),

  'cash.xReport': (_input, ctx) => {
    const open = openSessionOf(ctx);
    if (!open) throw new AppError('NO_CASH_SESSION', 'No hay una caja abierta');
    return buildCashReport(ctx.db, open.id, 'X', ctx.now());
  },

  'cash.close': (input, ctx) => closeSession(ctx, input.denominations, input.declared),

  'cash.report': (input, ctx) => sessionReport(ctx.db, input.sessionId, ctx.now()),

  'cash.reportCsv': (input, ctx) => {
    const report = sessionReport(ctx.db, input.sessionId, ctx.now());
    return {
      fileName: reportFileName(report),
      // The BOM makes Excel read the accents as UTF-8 instead of Windows-1252.
      contentBase64: Buffer.from(`\uFEFF${reportCsv(report)}`, 'utf8').toString('base64'),
    };
  },

  'cash.sessions': (input, ctx) => listSessions(ctx.db, input.limit),

  'customers.list': (input, ctx) => listCustomers(ctx.db, input),

  'customers.get': (input, ctx) => getCustomer(ctx.db, input.id),

  'customers.create': (input, ctx) => createCustomer(ctx, input),

  'customers.update': (input, ctx) => updateCustomer(ctx, input),

  'customers.ledger': (input, ctx) => customerLedger(ctx.db, input.id, input.limit),

  'customers.payment': (input, ctx) => recordPayment(ctx, input),

  'customers.adjust': (input, ctx) => adjustBalance(ctx, input),

  'customers.totalOwed': (_input, ctx) => totalOwed(ctx.db),
} satisfies Handlers;
