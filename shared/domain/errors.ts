// A class (not a plain object) so callers can use `instanceof` and still get a stack trace.
// `code` is the stable, machine-readable part; `message` is shown to the user as-is (es-AR).
export class DomainError extends Error {
  code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
  }
}

// `instanceof` fails for errors that crossed a realm or IPC boundary (Electron main ↔ renderer),
// so also accept anything shaped like a DomainError.
export function isDomainError(e: unknown): e is DomainError {
  if (e instanceof DomainError) return true;
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'DomainError' &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}
