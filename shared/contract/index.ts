import type { z } from 'zod';
import type { ChannelDef, Result } from './channel.ts';
import type { AppEvent } from './events.ts';
import { auditChannels } from './audit.ts';
import { catalogChannels } from './catalog.ts';
import { stockChannels } from './stock.ts';
import { salesChannels } from './sales.ts';
import { cashChannels } from './cash.ts';
import { systemChannels } from './system.ts';
import { invoiceChannels } from './invoices.ts';
import { pricingChannels } from './pricing.ts';

export * from './channel.ts';
export type * from './types.ts';
export { MOVEMENT_KINDS, UNITS } from './types.ts';
export type * from './events.ts';
export type * from './sales-types.ts';
export { APPROVAL_ACTIONS, DENOMINATIONS, TENDERS } from './sales-types.ts';
export { productInputSchema } from './catalog.ts';
export type { ProductInput } from './catalog.ts';
export type * from './invoice-types.ts';
export { INVOICE_KINDS, INVOICE_LETTERS } from './invoice-types.ts';
export type * from './invoices.ts';
export { invoiceDataSchema, invoiceItemSchema } from './invoices.ts';
export type * from './pricing-types.ts';
export {
  LABEL_FORMAT_IDS,
  POLICY_SCOPES,
  ROUNDING_RULE_IDS,
  SUGGESTION_SORTS,
} from './pricing-types.ts';

export const contract = {
  ...systemChannels,
  ...auditChannels,
  ...catalogChannels,
  ...stockChannels,
  ...salesChannels,
  ...cashChannels,
  ...invoiceChannels,
  ...pricingChannels,
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = Exclude<Contract[C]['output'], undefined>;

/** The one interface both transports implement for the renderer. */
export type Api = {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
};

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
