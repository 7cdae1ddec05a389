import type { Role } from '../../../shared/contract/index.ts';
import { authHandlers } from '../auth/handlers.ts';
import { createCustomer } from '../cash/customers.ts';
import { NO_DEVICES, type Ctx, type CurrentUser } from '../context.ts';
import { conflict } from '../errors.ts';
import type { Rng } from './random.ts';

/**
 * The people of the demo shop: two cashiers who take the morning and afternoon shifts, an
 * encargada who types her PIN for returns, removed lines and drawer openings, the owner who
 * reprices, and the neighbours who buy on account. Created through the same code as the
 * Usuarios and Clientes screens, with PINs the summary prints so anyone can log in and try.
 */

export type DemoUser = { name: string; role: Role; pin: string };

export const DEMO_USERS = {
  morning: { name: 'Marina Gómez', role: 'cajero', pin: '1111' },
  afternoon: { name: 'Lucas Benítez', role: 'cajero', pin: '2222' },
  supervisor: { name: 'Julia Ferreyra', role: 'encargado', pin: '3333' },
} as const satisfies Record<string, DemoUser>;

export type Staff = {
  morning: Ctx;
  afternoon: Ctx;
  supervisor: Ctx & { user: CurrentUser };
  supervisorPin: string;
  /** The owner, who reprices; the system's own actor when the store has no dueño. */
  owner: Ctx;
};

const quiet = (ctx: Ctx): Ctx['log'] => ({
  // Every no-sale opening logs that no drawer kicked: there is none, it is a demo.
  info: () => {},
  warn: (m, d) => ctx.log.warn(m, d),
  error: (m, d) => ctx.log.error(m, d),
});

/** The same store and clock, acting as `user`: what a logged-in window's calls see. */
export function actingAs(ctx: Ctx, user: CurrentUser): Ctx & { user: CurrentUser } {
  // A demo must never kick a real drawer or print on a real printer.
  return {
    ...ctx,
    user,
    actor: { userId: user.id, label: user.name },
    devices: NO_DEVICES,
    log: quiet(ctx),
  };
}

function createUser(ctx: Ctx, u: DemoUser): CurrentUser {
  const taken = ctx.db.prepare('SELECT 1 FROM users WHERE name = ? COLLATE NOCASE').get(u.name);
  if (taken) {
    throw conflict(
      `Ya existe un usuario llamado «${u.name}»: los datos de ejemplo se cargan en una tienda nueva`,
    );
  }
  const made = authHandlers['users.create']({ name: u.name, role: u.role, pin: u.pin }, ctx);
  return { id: made.id, name: made.name, role: made.role };
}

export function createStaff(ctx: Ctx): Staff {
  const owner = ctx.db
    .prepare<[], CurrentUser>(
      "SELECT id, name, role FROM users WHERE role = 'dueno' AND active = 1 ORDER BY created_at LIMIT 1",
    )
    .get();
  return {
    morning: actingAs(ctx, createUser(ctx, DEMO_USERS.morning)),
    afternoon: actingAs(ctx, createUser(ctx, DEMO_USERS.afternoon)),
    supervisor: actingAs(ctx, createUser(ctx, DEMO_USERS.supervisor)),
    supervisorPin: DEMO_USERS.supervisor.pin,
    owner: owner ? actingAs(ctx, owner) : { ...ctx, devices: NO_DEVICES, log: quiet(ctx) },
  };
}

/** A customer with a cuenta corriente: what the counter needs to decide a fiado. */
export type DemoCustomer = { id: string; name: string; limit: number };

const CUSTOMERS: readonly [string, number][] = [
  ['Rosa Villalba', 80_000],
  ['Don Alberto Sosa', 150_000],
  ['Carla Domínguez', 60_000],
  ['Héctor «el Tano» Russo', 120_000],
  ['Graciela Medina', 50_000],
  ['Familia Acosta', 200_000],
  ['Ramón Quiroga', 40_000],
  ['Estela Ibáñez', 90_000],
  ['Kiosco La Esquina', 250_000],
  ['Norma Cabrera', 70_000],
];

/** The neighbours who buy on account, each with a credit limit the owner set (pesos). */
export function createCustomers(ctx: Ctx, rng: Rng, count: number): DemoCustomer[] {
  const out: DemoCustomer[] = [];
  for (const [name, pesos] of CUSTOMERS.slice(0, count)) {
    const dni = rng.int(14_000_000, 45_999_999);
    const document = `DNI ${String(dni).replace(/\B(?=(\d{3})+$)/g, '.')}`;
    const phone = `11 ${rng.int(15, 69)}${rng.int(10, 99)}-${rng.int(1000, 9999)}`;
    const c = createCustomer(ctx, { name, document, phone, creditLimit: pesos * 100 });
    out.push({ id: c.id, name: c.name, limit: c.creditLimit });
  }
  return out;
}
