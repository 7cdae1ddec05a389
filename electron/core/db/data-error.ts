import type { DataErrorCode } from '../../../shared/contract/index.ts';

/** A data folder that cannot be used: shown as the recovery screen, never a crash. */
export class DataError extends Error {
  readonly code: DataErrorCode;
  constructor(code: DataErrorCode, message: string) {
    super(message);
    this.name = 'DataError';
    this.code = code;
  }
}
