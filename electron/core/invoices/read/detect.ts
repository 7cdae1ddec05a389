import { AppError } from '../../errors.ts';

/** What a supplier's file turned out to be, from its first bytes (the name can lie). */
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'webp';

export const MAX_FILE_BYTES = 40 * 1024 * 1024;
export const MAX_PAGES = 10;
/** Pixels an image may have before decoding is refused (a 60 MP phone photo is fine). */
export const MAX_PIXELS = 120_000_000;

export function readError(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('es-AR', { maximumFractionDigits: 1 });
}

export function detectKind(bytes: Uint8Array, fileName: string): FileKind {
  if (bytes.length === 0) throw readError(`El archivo «${fileName}» está vacío.`);
  if (bytes.length > MAX_FILE_BYTES) {
    throw readError(
      `El archivo «${fileName}» pesa ${megabytes(bytes.length)} MB y el máximo es ` +
        `${megabytes(MAX_FILE_BYTES)} MB: sacá la foto con menos resolución o exportá el PDF de nuevo.`,
    );
  }
  const head = Buffer.from(bytes.subarray(0, 1024));
  const ascii = head.toString('latin1');
  if (ascii.includes('%PDF-')) return 'pdf';
  if (head[0] === 0x89 && ascii.startsWith('PNG', 1)) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'tiff';
  if (ascii.startsWith('RIFF') && ascii.startsWith('WEBP', 8)) return 'webp';
  throw readError(
    `El archivo «${fileName}» no es una imagen (PNG, JPEG o TIFF) ni un PDF: elegí la foto o el PDF de la factura.`,
  );
}
