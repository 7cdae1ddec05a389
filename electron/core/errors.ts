import type { AppErrorShape, ErrorCode } from '../../shared/contract/index.ts';

/**
 * The one error type handlers throw. The registry turns it into
 * `{ ok: false, error }`; its message is shown to the user as is (es-AR).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} no existe`);
export const invalid = (message: string, details?: unknown): AppError =>
  new AppError('INVALID_INPUT', message, details);
export const conflict = (message: string, details?: unknown): AppError =>
  new AppError('CONFLICT', message, details);

/** For exhaustive switches: a case the compiler thinks cannot happen. */
export function missingCase(value: never): never {
  throw new Error(`Caso no contemplado: ${JSON.stringify(value)}`);
}
