import { formatMoney } from '../../shared/domain/money.ts';
import { generateDemoData, type DemoSummary } from '../core/demo/generate.ts';
import { AppError } from '../core/errors.ts';
import { call, CliFailure, type Command } from './kit.ts';

const ROLE_LABEL: Record<string, string> = {
  cajero: 'cajero/a',
  encargado: 'encargado/a',
  dueno: 'dueño/a',
};

const int = (n: number): string => new Intl.NumberFormat('es-AR').format(n);

/** The summary as the owner reads it: what was loaded, and who can log in with which PIN. */
export function describeDemo(s: DemoSummary, seconds: number, owner: string | null): string[] {
  const t = s.tally;
  const lines = [
    `Datos de ejemplo cargados en ${seconds.toLocaleString('es-AR', { maximumFractionDigits: 1 })} s:`,
    `  Catálogo: ${int(s.products)} productos en ${int(s.categories)} categorías, ${int(s.suppliers)} proveedores.`,
    `  Historial de ${int(s.days)} días: ${int(s.sales)} ventas por ${formatMoney(s.salesTotal)}, ` +
      `${int(s.returns)} devoluciones (${int(t.voids)} anulaciones), ${int(s.sessions)} turnos de caja` +
      (s.openSessions > 0 ? ` (${int(s.openSessions)} abierto ahora)` : '') +
      '.',
    `  En la caja: ${int(t.removedLines)} productos quitados y ${int(t.noSale)} aperturas sin venta con PIN de supervisor, ` +
      `${int(t.withdrawals)} retiros a la caja fuerte.`,
    `  Cuentas corrientes: ${int(s.customers)} clientes, ${int(t.fiado)} ventas fiadas, ${int(t.payments)} pagos; ` +
      `deben ${formatMoney(s.owed)}.`,
    `  Compras: ${int(s.invoices)} facturas aplicadas, ${int(s.costChanges)} cambios de costo, ${int(s.priceChanges)} cambios de precio.`,
    `  Stock: ${int(s.movements)} movimientos.`,
    'Usuarios para probar:',
  ];
  if (owner) lines.push(`  ${owner} (dueño/a), PIN 1234`);
  for (const u of s.users)
    lines.push(`  ${u.name} (${ROLE_LABEL[u.role] ?? u.role}), PIN ${u.pin}`);
  return lines;
}

export const DEMO_COMMANDS: Record<string, Command> = {
  'demo-data': {
    async run(c) {
      const num = (v: unknown, d: number, what: string): number => {
        if (v === undefined) return d;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0)
          throw new CliFailure(`${what} debe ser un número entero positivo`);
        return n;
      };
      const products = num(c.options.products, 2000, '--products');
      const days = num(c.options.days, 30, '--days');
      const seed = num(c.options.seed, 1, '--seed');
      if (products > 500_000 || days > 3660)
        throw new CliFailure('Cantidad absurda: hasta 500.000 productos y 3.660 días');
      const status = await call(c, 'system.status', {});
      let owner: string | null = null;
      if (status.state === 'ready' && status.needsSetup) {
        await call(c, 'auth.setupOwner', {
          storeName: 'Almacén Demo',
          ownerName: 'Dueño',
          pin: '1234',
        });
        owner = 'Dueño';
      }
      const started = performance.now();
      let summary: DemoSummary;
      try {
        summary = await generateDemoData(
          c.core.systemCtx(c.label),
          { products, days, seed },
          (done, total, label) => {
            if (!c.io.json) process.stderr.write(`\r${label}: ${int(done)}/${int(total)}   `);
          },
        );
      } catch (err) {
        if (err instanceof AppError) throw new CliFailure(err.message);
        throw err;
      } finally {
        if (!c.io.json) process.stderr.write('\n');
      }
      if (c.io.json) {
        c.io.data({ ...summary, ownerCreated: owner !== null });
      } else {
        const seconds = (performance.now() - started) / 1000;
        for (const line of describeDemo(summary, seconds, owner)) c.io.out(line);
      }
      return 0;
    },
  },
};
