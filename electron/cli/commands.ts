import fs from 'node:fs';
import path from 'node:path';
import type {
  AuditVerifyResult,
  ImportPreview,
  ImportResult,
  Location,
  Product,
  ProductPage,
  UserSummary,
} from '../../shared/contract/index.ts';
import { formatMoney, formatQuantity } from '../../shared/domain/money.ts';
import { AppError } from '../core/errors.ts';
import { exportSalesCsv, parseShopDay } from '../core/sales/export.ts';
import {
  call,
  CliFailure,
  looksLikeCode,
  needArg,
  table,
  type Command,
  type CommandContext,
} from './kit.ts';
import { DEMO_COMMANDS } from './demo-data.ts';
import { PRICING_COMMANDS } from './pricing.ts';
import { STOCK_COMMANDS } from './stock.ts';

export type { CliIo, CommandContext } from './kit.ts';

async function findLocation(
  c: CommandContext,
  name: string | undefined,
): Promise<Location | undefined> {
  if (!name) return undefined;
  const all = await call(c, 'stock.locations', {});
  const found = all.find((l) => l.name.toLowerCase() === name.toLowerCase());
  if (!found)
    throw new CliFailure(
      `No existe la ubicación «${name}». Hay: ${all.map((l) => l.name).join(', ')}`,
    );
  return found;
}

function printPreview(c: CommandContext, p: ImportPreview): void {
  c.io.out(
    `${p.fileName}: ${p.totalRows} filas (${p.encoding}, separador «${p.separator === '\t' ? 'tab' : p.separator}») — ` +
      `${p.validRows} válidas (${p.creates} nuevas, ${p.updates} a actualizar), ${p.errorRows} con errores`,
  );
  for (const e of p.errors.slice(0, 50)) {
    c.io.out(`  fila ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.message}`);
  }
  if (p.errors.length > 50) c.io.out(`  … y ${p.errors.length - 50} problemas más`);
}

export const COMMANDS: Record<string, Command> = {
  init: {
    async run(c) {
      const owner = c.options.owner;
      const pin = c.options.pin;
      if (typeof owner !== 'string' || typeof pin !== 'string') {
        throw new CliFailure('Uso: init --owner <nombre> --pin <pin> [--store <nombre del local>]');
      }
      const store = typeof c.options.store === 'string' ? c.options.store : 'Mi almacén';
      const s = await call(c, 'auth.setupOwner', { storeName: store, ownerName: owner, pin });
      if (c.io.json) c.io.data({ dataDir: c.dataDir, owner: s.user });
      else c.io.out(`Listo: «${store}» creado en ${c.dataDir}. Dueño: ${owner}.`);
      return 0;
    },
  },

  'products import': {
    async run(c) {
      const file = needArg(c, 'el archivo CSV');
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        throw new CliFailure(`No se puede leer el archivo ${file}`);
      }
      const location = await findLocation(c, c.options.location as string | undefined);
      const preview = await call(c, 'catalog.importPreview', {
        fileName: path.basename(file),
        contentBase64: bytes.toString('base64'),
      });
      const dryRun = c.options['dry-run'] === true;
      if (dryRun) {
        if (c.io.json) c.io.data(preview);
        else {
          printPreview(c, preview);
          c.io.out('Prueba sin cambios (--dry-run): no se escribió nada.');
        }
        return preview.errorRows > 0 ? 1 : 0;
      }
      if (!c.io.json) printPreview(c, preview);
      if (preview.validRows === 0)
        throw new CliFailure('No hay filas válidas para importar: no se escribió nada.', 1);
      const result: ImportResult = await call(c, 'catalog.importCommit', {
        importId: preview.importId,
        ...(location ? { locationId: location.id } : {}),
      });
      if (c.io.json) c.io.data({ preview, result });
      else
        c.io.out(
          `Importado: ${result.created} nuevos, ${result.updated} actualizados, ${result.skipped} filas omitidas, ${result.stockMovements} ajustes de stock.`,
        );
      return 0;
    },
  },

  'products export': {
    async run(c) {
      const file = needArg(c, 'el archivo de destino');
      const encoding = c.options.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
      const r = await call(c, 'catalog.export', { encoding });
      fs.writeFileSync(file, Buffer.from(r.contentBase64, 'base64'));
      if (c.io.json) c.io.data({ file, rows: r.rows, encoding });
      else c.io.out(`Exportados ${r.rows} productos a ${file} (${encoding}).`);
      return 0;
    },
  },

  'products find': {
    async run(c) {
      const text = c.args.join(' ').trim();
      if (!text) throw new CliFailure('Falta qué buscar: un texto o un código de barras.');
      let items: ProductPage['items'] = [];
      let exact: Product | null = null;
      if (looksLikeCode(text)) exact = await call(c, 'catalog.lookup', { code: text });
      if (!exact) items = (await call(c, 'catalog.search', { text, limit: 20 })).items;
      if (c.io.json) {
        c.io.data(exact ? [exact] : items);
        return exact || items.length > 0 ? 0 : 1;
      }
      if (exact) {
        c.io.out(
          table([
            ['Código', 'Nombre', 'Marca', 'Precio', 'Unidad'],
            [
              exact.barcodes[0] ?? exact.sku ?? '',
              exact.name,
              exact.brand ?? '',
              formatMoney(exact.price),
              exact.unit,
            ],
          ]),
        );
        return 0;
      }
      if (items.length === 0) {
        c.io.out(`No se encontró nada para «${text}».`);
        return 1;
      }
      c.io.out(
        table([
          ['Código', 'Nombre', 'Marca', 'Precio', 'Stock'],
          ...items.map((p) => [
            p.barcode ?? p.sku ?? '',
            p.name,
            p.brand ?? '',
            formatMoney(p.price),
            formatQuantity(p.stock, p.unit),
          ]),
        ]),
      );
      return 0;
    },
  },

  'audit verify': {
    async run(c) {
      const r: AuditVerifyResult = await call(c, 'audit.verify', {});
      if (c.io.json) {
        c.io.data(r);
        return r.ok ? 0 : 1;
      }
      if (r.ok) {
        c.io.out(`Cadena de auditoría íntegra: ${r.checked} entradas verificadas.`);
        return 0;
      }
      if (r.firstBroken) {
        const id = r.firstBroken.id ? ` (id ${r.firstBroken.id})` : '';
        c.io.out(`CADENA ROTA — ${r.firstBroken.message}${id}`);
      }
      for (const m of r.stateMismatches.slice(0, 50)) c.io.out(`DATOS ALTERADOS — ${m.message}`);
      return 1;
    },
  },

  'sales export': {
    async run(c) {
      const usage = 'Uso: sales export --from AAAA-MM-DD --to AAAA-MM-DD <archivo.csv>';
      const file = c.args[0];
      const from = c.options.from;
      const to = c.options.to;
      if (typeof from !== 'string' || typeof to !== 'string' || !file) {
        throw new CliFailure(`Faltan datos. ${usage}`);
      }
      const deps = c.core.deps();
      if (!deps) throw new CliFailure('Los datos no se pueden abrir', 3);
      let result: { content: string; lines: number; sales: number };
      try {
        result = exportSalesCsv(deps.db, parseShopDay(from, '--from'), parseShopDay(to, '--to'));
      } catch (err) {
        if (err instanceof AppError) throw new CliFailure(err.message);
        throw err;
      }
      try {
        fs.writeFileSync(file, result.content, 'utf8');
      } catch {
        throw new CliFailure(`No se puede escribir el archivo ${file}`);
      }
      if (c.io.json) c.io.data({ file, lines: result.lines, sales: result.sales, from, to });
      else
        c.io.out(
          `Exportadas ${result.lines} líneas de ${result.sales} ventas (${from} a ${to}) a ${file}.`,
        );
      return 0;
    },
  },

  'users add': {
    async run(c) {
      const name = c.options.name;
      const role = c.options.role;
      const pin = c.options.pin;
      if (
        typeof name !== 'string' ||
        typeof pin !== 'string' ||
        (role !== 'cajero' && role !== 'encargado' && role !== 'dueno')
      ) {
        throw new CliFailure(
          'Uso: users add --name <nombre> --role cajero|encargado|dueno --pin <pin>',
        );
      }
      const user: UserSummary = await call(c, 'users.create', { name, role, pin });
      if (c.io.json) c.io.data(user);
      else c.io.out(`Usuario creado: ${user.name} (${user.role}).`);
      return 0;
    },
  },

  'users list': {
    async run(c) {
      const users: UserSummary[] = await call(c, 'users.list', {});
      if (c.io.json) c.io.data(users);
      else
        c.io.out(
          table([
            ['Nombre', 'Rol', 'Activo'],
            ...users.map((u) => [u.name, u.role, u.active ? 'sí' : 'no']),
          ]),
        );
      return 0;
    },
  },

  ...STOCK_COMMANDS,
  ...PRICING_COMMANDS,
  ...DEMO_COMMANDS,
};

/** Runs a command, turning expected failures into a message and an exit code. */
export async function runCommand(command: Command, c: CommandContext): Promise<number> {
  try {
    return await command.run(c);
  } catch (err) {
    if (err instanceof CliFailure) {
      c.io.err(err.message, err.code);
      return err.exitCode;
    }
    throw err;
  }
}
