import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core/app.ts';
import { DataError } from '../core/db/data-error.ts';
import { MIGRATIONS } from '../core/db/migrations/index.ts';
import { CAJA_APPLICATION_ID, inspectDatabase } from '../core/db/open.ts';
import { createLogger, type Logger } from '../core/logger.ts';
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
  --json             salida en JSON, para scripts; un error sale como
                     {"ok":false,"error":{"code","message"}}
  --verbose          muestra el registro técnico del núcleo (JSON en stderr)
  --help             esta ayuda

Con Caja abierta sobre la misma carpeta solo corren los comandos de consulta (products find,
products export, stock show, stock check sin --fix, audit verify, users list, sales export,
pricing suggest, products import --dry-run); los que modifican datos salen con 3.
`;

function makeIo(json: boolean): CliIo {
  return {
    json,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text, code = 'INVALID_INPUT') =>
      json
        ? process.stdout.write(
            JSON.stringify({ ok: false, error: { code, message: text.trimEnd() } }) + '\n',
          )
        : process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    data: (value) => process.stdout.write(JSON.stringify(value, null, 2) + '\n'),
  };
}

/** The core's log lines are for developers: on the command line only with --verbose. */
const QUIET: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Commands that only read the store: they may run while the app has it open. */
const READ_ONLY = new Set([
  'products find',
  'products export',
  'stock show',
  'audit verify',
  'users list',
  'sales export',
  'pricing suggest',
]);

function readsOnly(key: string, values: { fix?: boolean; 'dry-run'?: boolean }): boolean {
  return (
    READ_ONLY.has(key) ||
    (key === 'stock check' && values.fix !== true) ||
    (key === 'products import' && values['dry-run'] === true)
  );
}

/** Why the store did not open, read without opening it again (asking for the status would). */
function failureOf(core: Core): DataError | null {
  if (core.deps()) return null;
  try {
    core.systemCtx('cli');
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
  return null;
}

/**
 * Opens the store holding the app's lock (`caja.lock`), like a second window would. While the
 * app holds it, a read-only command opens beside it if that writes nothing (the database is
 * already current and stamped: no migration, no stamp); a command that writes is refused.
 */
function openStore(
  dataDir: string,
  readOnly: boolean,
  logger: Logger,
): { core: Core; failure: DataError | null } {
  const core = createCore({ dataDir, logger });
  const failure = failureOf(core);
  if (failure?.code !== 'DATA_LOCKED') return { core, failure };
  if (!readOnly) {
    const hint =
      'Este comando modifica datos: con Caja abierta solo corren los de consulta (products find, stock show, audit verify…).';
    return { core, failure: new DataError('DATA_LOCKED', `${failure.message} ${hint}`) };
  }
  let current = false;
  try {
    const id = inspectDatabase(dataDir);
    current = id?.applicationId === CAJA_APPLICATION_ID && id.userVersion === MIGRATIONS.length;
  } catch {
    current = false;
  }
  if (!current) return { core, failure };
  core.close();
  const beside = createCore({ dataDir, instanceLock: false, logger });
  return { core: beside, failure: failureOf(beside) };
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
      verbose: { type: 'boolean', default: false },
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
    io.err(`Comando desconocido: ${positionals.join(' ')}. Probá --help.`, 'UNKNOWN_COMMAND');
    return 2;
  }
  const args = key === group ? positionals.slice(1) : rest;
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  if (!fs.existsSync(dataDir) && group !== 'init' && group !== 'demo-data') {
    io.err(
      `No hay datos en ${dataDir}. Creá la tienda con: npm run cli -- --data "${dataDir}" init --owner <nombre> --pin <pin>`,
      'NO_DATA',
    );
    return 2;
  }
  const logger = values.verbose ? createLogger('cli') : QUIET;
  const { core, failure } = openStore(dataDir, readsOnly(key, values), logger);
  try {
    if (failure) {
      io.err(failure.message, failure.code);
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
    const usage = e.code?.startsWith('ERR_PARSE_ARGS') ?? false;
    const message = `${e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'Opción desconocida' : 'Error'}: ${e.message ?? String(err)}`;
    makeIo(process.argv.includes('--json')).err(message, usage ? 'INVALID_INPUT' : 'INTERNAL');
    process.exitCode = 2;
  },
);
