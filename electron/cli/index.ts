import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Result } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../core/app.ts';
import { defaultDataDir } from '../core/paths.ts';
import { COMMANDS, runCommand, type CliIo } from './commands.ts';
import { extractCommand } from './invoices.ts';

const HELP = `Caja — línea de comandos

Uso: npm run cli -- [--data <carpeta>] [--json] <comando> [opciones]

Comandos:
  init --owner <nombre> --pin <pin> [--store <nombre del local>]
                                     crea el dueño en una instalación nueva
  products import <archivo.csv> [--dry-run] [--location <ubicación>]
                                     importa el catálogo (con --dry-run solo valida)
  products export <archivo.csv> [--encoding utf-8|windows-1252]
                                     exporta el catálogo en el mismo formato
  products find <texto|código>       busca por palabras o por código de barras
  stock show <código|sku>            stock por ubicación y últimos movimientos
  stock check [--fix]                compara el stock con el libro de movimientos
  audit verify                       verifica la cadena de auditoría (sale con 1 si está rota)
  sales export --from AAAA-MM-DD --to AAAA-MM-DD <archivo.csv>
                                     ventas por renglón para el contador (días de Buenos Aires)
  demo-data [--products N] [--days D] [--seed S]
                                     carga un catálogo y un historial de ejemplo
  invoices extract <archivos...> --out <carpeta> [--workers N]
                                     lee facturas (PDF, PNG, JPEG, TIFF) y escribe un JSON
                                     por archivo (no necesita datos de la tienda)
  inflation import <archivo.csv> [--dry-run]
                                     carga meses del IPC (month,monthly_change_pct); con un
                                     error no se carga nada
  pricing suggest [--all]            productos cuyo precio quedó atrás de la inflación
                                     (--json: montos en pesos, márgenes en %)
  users list                         lista los usuarios
  users add --name <nombre> --role cajero|encargado|dueno --pin <pin>
                                     crea un usuario

Opciones globales:
  --data <carpeta>   carpeta de datos (por defecto: ${defaultDataDir()})
  --json             salida en JSON, para scripts
  --help             esta ayuda
`;

function makeIo(json: boolean): CliIo {
  return {
    json,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    data: (value) => process.stdout.write(JSON.stringify(value, null, 2) + '\n'),
  };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      owner: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      pin: { type: 'string' },
      store: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      location: { type: 'string' },
      encoding: { type: 'string' },
      fix: { type: 'boolean', default: false },
      products: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      workers: { type: 'string' },
      all: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const io = makeIo(values.json);
  const [group, sub, ...rest] = positionals;
  if (values.help || !group) {
    io.out(HELP);
    return values.help ? 0 : 2;
  }
  // Reading invoices needs no store: it works anywhere, on any files.
  if (group === 'invoices' && sub === 'extract') return await extractCommand(rest, values, io);
  const key = COMMANDS[`${group} ${sub ?? ''}`] ? `${group} ${sub ?? ''}` : group;
  const command = COMMANDS[key];
  if (!command) {
    io.err(`Comando desconocido: ${positionals.join(' ')}. Probá --help.`);
    return 2;
  }
  const args = key === group ? positionals.slice(1) : rest;
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  if (!fs.existsSync(dataDir) && group !== 'init' && group !== 'demo-data') {
    io.err(
      `No hay datos en ${dataDir}. Creá la tienda con: npm run cli -- --data "${dataDir}" init --owner <nombre> --pin <pin>`,
    );
    return 2;
  }
  const core: Core = createCore({ dataDir, instanceLock: false });
  try {
    const status = (await core.invoke(
      'system.status',
      {},
      { kind: 'system', label: 'cli' },
    )) as Result<{
      state: string;
      message?: string;
    }>;
    if (status.ok && status.value.state === 'error') {
      io.err(status.value.message ?? 'Los datos no se pueden abrir');
      return 3;
    }
    const label = `cli:${os.userInfo().username}`;
    return await runCommand(command, { core, args, options: values, io, label, dataDir });
  } finally {
    core.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const e = err as { code?: string; message?: string };
    process.stderr.write(
      `${e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'Opción desconocida' : 'Error'}: ${e.message ?? String(err)}\n`,
    );
    process.exitCode = 2;
  },
);
