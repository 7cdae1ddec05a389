import type { Handlers } from '../context.ts';
import { grantApproval } from './approvals.ts';
import { commitSale } from './commit.ts';
import { findSaleByCode, getSale, listSales } from './history.ts';
import { printReceipt, receiptFor } from './receipt.ts';
import { listReturns } from './return-rows.ts';
import { returnSale } from './returns.ts';
import { readPosSettings, updatePosSettings } from './settings.ts';

export const salesHandlers = {
  'auth.authorize': (input, ctx) => grantApproval(ctx, input),

  'sales.commit': (input, ctx) => commitSale(ctx, input),

  'sales.get': (input, ctx) => getSale(ctx.db, input),

  'sales.findByCode': (input, ctx) => findSaleByCode(ctx.db, input.code),

  'sales.list': (input, ctx) => listSales(ctx.db, input),

  'sales.receipt': (input, ctx) => receiptFor(ctx, input),

  'sales.print': (input, ctx) => printReceipt(ctx, input),

  'sales.return': (input, ctx) => returnSale(ctx, input),

  'sales.returns': (input, ctx) => listReturns(ctx.db, input),

  'sales.settings': (_input, ctx) => readPosSettings(ctx.db),

  'sales.updateSettings': (input, ctx) => updatePosSettings(ctx, input),
} satisfies Handlers;
