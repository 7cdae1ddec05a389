import type { Handlers } from '../context.ts';
import { applyBatch, listBatches, undoBatch } from './batches.ts';
import { importCsv, readSeries, saveMonth, saveSettings } from './cpi.ts';
import { priceHistory } from './history.ts';
import { shelfLabels } from './labels.ts';
import { deletePolicy, listPolicies, savePolicy } from './policies.ts';
import { previewBatch } from './preview.ts';
import { suggest } from './suggest.ts';

export const pricingHandlers = {
  'pricing.cpi': (_input, ctx) => readSeries(ctx.db, ctx.now()),
  'pricing.cpiSave': (input, ctx) => saveMonth(ctx, input.month, input.rateBp),
  'pricing.cpiImport': (input, ctx) => importCsv(ctx, input.csv, input.dryRun),
  'pricing.settingsSave': (input, ctx) => saveSettings(ctx, input),
  'pricing.policies': (_input, ctx) => listPolicies(ctx.db),
  'pricing.policySave': (input, ctx) => savePolicy(ctx, input),
  'pricing.policyDelete': (input, ctx) => deletePolicy(ctx, input.scope, input.scopeId),
  'pricing.suggest': (input, ctx) => suggest(ctx, input),
  'pricing.preview': (input, ctx) => previewBatch(ctx, input),
  'pricing.apply': (input, ctx) => applyBatch(ctx, input),
  'pricing.batches': (input, ctx) => listBatches(ctx.db, input.limit),
  'pricing.undo': (input, ctx) => undoBatch(ctx, input.batchId),
  'pricing.history': (input, ctx) => priceHistory(ctx.db, input.productId, ctx.now()),
  'pricing.labels': (input, ctx) => shelfLabels(ctx, input),
} satisfies Handlers;
