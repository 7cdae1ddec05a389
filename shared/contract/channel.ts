import type { z } from 'zod';

/**
 * Permissions are checked by the core registry before a handler runs.
 * `public` channels need no login (first-run setup, login itself, status);
 * `session` needs any logged-in user.
 */
export const PERMISSIONS = [
  'public',
  'session',
  'catalog.read',
  'catalog.write',
  'catalog.import',
  'stock.read',
  'stock.write',
  'stock.count',
  'users.manage',
  'audit.read',
  'settings.write',
  'sales.sell',
  'sales.history',
  'sales.return',
  'cash.operate',
  'cash.reports',
  'customers.read',
  'customers.write',
  'invoices.read',
  'invoices.write',
  'pricing.read',
  'pricing.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['dueno', 'encargado', 'cajero'] as const;
export type Role = (typeof ROLES)[number];

const CASHIER: readonly Permission[] = [
  'public',
  'session',
  'catalog.read',
  'stock.read',
  'sales.sell',
  'sales.history',
  'sales.return',
  'cash.operate',
  'customers.read',
];
const SUPERVISOR: readonly Permission[] = [
  ...CASHIER,
  'catalog.write',
  'catalog.import',
  'stock.write',
  'stock.count',
  'audit.read',
  'cash.reports',
  'customers.write',
  'invoices.read',
  'invoices.write',
  'pricing.read',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  cajero: CASHIER,
  encargado: SUPERVISOR,
  dueno: PERMISSIONS,
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export type ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> = {
  readonly input: I;
  readonly permission: Permission;
  /** Phantom: carries the output type, never read at run time. */
  readonly output?: O;
};

/**
 * Declares a channel. The output type is given explicitly, the input type is
 * inferred from the schema: `channel<Product>()({ input, permission })`.
 */
export function channel<O>() {
  return <I extends z.ZodType>(def: { input: I; permission: Permission }): ChannelDef<I, O> => def;
}

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_CHANNEL'
  | 'NOT_LOGGED_IN'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED'
  | 'WRONG_PIN'
  | 'UNAVAILABLE'
  | 'INTERNAL'
  // The counter's refusals: the screen reacts to each (open the drawer, ask a supervisor…).
  | 'NO_CASH_SESSION'
  | 'CASH_SESSION_CLOSED'
  | 'NOT_ENOUGH_CASH'
  | 'PAYMENT_SHORT'
  | 'CUSTOMER_REQUIRED'
  | 'CUSTOMER_INACTIVE'
  /** details: { lines: { productId, name, unitPrice, unitPriceNet, unitCost }[] } */
  | 'BELOW_COST'
  | 'APPROVAL_REQUIRED'
  | 'APPROVAL_USED'
  | 'APPROVAL_EXPIRED'
  | 'APPROVAL_MISMATCH'
  | (string & {});

export type AppErrorShape = {
  code: ErrorCode;
  message: string;
  details?: unknown;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
