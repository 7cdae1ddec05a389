import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { prep } from '../db/statements.ts';
import { AppError, notFound } from '../errors.ts';

/**
 * Content-addressed file store: the bytes of a supplier's invoice and its page images live in
 * `<dataDir>/files/<sha[0:2]>/<sha>`, named by their SHA-256. The same content is stored once,
 * a stored file is never rewritten, and a reader can tell a damaged copy from the name alone.
 */

const SHA = /^[0-9a-f]{64}$/;

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function filePath(dataDir: string, sha: string): string {
  if (!SHA.test(sha)) throw new Error(`sha256 inválido: ${sha}`);
  return path.join(dataDir, 'files', sha.slice(0, 2), sha);
}

/**
 * Writes the bytes unless already there and returns their SHA-256. The copy goes to a temporary
 * name first and is renamed into place, so a crash never leaves half a file under a real name.
 */
export function storeFile(dataDir: string, bytes: Buffer): string {
  const sha = sha256(bytes);
  const target = filePath(dataDir, sha);
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing?.isFile() && existing.size === bytes.length) return sha;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return sha;
}

/** The stored bytes, checked against their name. */
export function readFile(dataDir: string, sha: string): Buffer {
  if (!SHA.test(sha)) throw notFound('El archivo');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath(dataDir, sha));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('El archivo');
    throw err;
  }
  if (sha256(bytes) !== sha) {
    throw new AppError(
      'DATA_CORRUPT',
      'El archivo guardado está dañado: no coincide con su huella',
    );
  }
  return bytes;
}

/** What the first bytes say the file is. */
export function sniffMime(bytes: Buffer): string {
  const head = bytes.subarray(0, 8);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const tiff = head.subarray(0, 4).toString('latin1');
  if (tiff === 'II*\0' || tiff === 'MM\0*') return 'image/tiff';
  return 'application/octet-stream';
}

/** Records a stored file; the first name it was seen under stays. Inside the caller's tx. */
export function recordFile(
  db: Database,
  f: { sha: string; name: string; mime: string; size: number },
  now: number,
): void {
  prep(
    db,
    'INSERT OR IGNORE INTO files (sha256, name, mime, size, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(f.sha, f.name, f.mime, f.size, now);
}
