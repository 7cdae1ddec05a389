import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/harness.ts';
import { filePath, readFile, sha256, sniffMime, storeFile } from './files.ts';

let dir: string;
beforeEach(() => {
  dir = tempDataDir('caja-files-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function storedFiles(): string[] {
  const root = path.join(dir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('content-addressed file store', () => {
  it('stores the same content once, under its sha256', () => {
    const bytes = Buffer.from('%PDF-1.4 factura de El Sol');
    const a = storeFile(dir, bytes);
    const b = storeFile(dir, Buffer.from(bytes));
    expect(a).toBe(b);
    expect(a).toBe(sha256(bytes));
    expect(storedFiles()).toEqual([path.join(a.slice(0, 2), a)]);
    expect(readFile(dir, a).equals(bytes)).toBe(true);
  });

  it('keeps different contents apart and leaves no temporary files', () => {
    const a = storeFile(dir, Buffer.from('uno'));
    const b = storeFile(dir, Buffer.from('dos'));
    expect(a).not.toBe(b);
    expect(storedFiles().sort()).toEqual(
      [path.join(a.slice(0, 2), a), path.join(b.slice(0, 2), b)].sort(),
    );
  });

  it('refuses a stored copy that no longer matches its name', () => {
    const sha = storeFile(dir, Buffer.from('original'));
    fs.writeFileSync(filePath(dir, sha), 'alterado');
    expect(() => readFile(dir, sha)).toThrow(/dañado/);
  });

  it('says a missing or malformed address does not exist', () => {
    expect(() => readFile(dir, 'a'.repeat(64))).toThrow('El archivo no existe');
    expect(() => readFile(dir, '../../etc/passwd')).toThrow('El archivo no existe');
  });

  it('recognises PDF, PNG, JPEG and TIFF by their first bytes', () => {
    expect(sniffMime(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMime(Buffer.from('89504e470d0a1a0a00', 'hex'))).toBe('image/png');
    expect(sniffMime(Buffer.from('ffd8ffe000', 'hex'))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from('49492a0008', 'hex'))).toBe('image/tiff');
    expect(sniffMime(Buffer.from('hola'))).toBe('application/octet-stream');
  });
});
