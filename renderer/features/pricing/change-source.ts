import { ApiError, errorMessage } from '../../lib/api.ts';
import { CHANGE_SOURCE_LABEL } from '../../lib/strings-pricing-setup.ts';

/** What a price or cost change's source id means to the owner; unknown ids are shown as they are. */
export function sourceLabel(source: string): string {
  const known = CHANGE_SOURCE_LABEL[source];
  if (known !== undefined) return known;
  if (source.startsWith('product.import')) return 'importación';
  return source;
}

/**
 * The lines of a refused CPI import: the core joins the first few into its message and lists
 * them all in `details.errors` ({ line, message }[]). Any other failure is one line.
 */
export function importErrorLines(e: unknown): string[] {
  if (e instanceof ApiError && typeof e.details === 'object' && e.details !== null) {
    const errors = (e.details as { errors?: unknown }).errors;
    if (Array.isArray(errors)) {
      const lines = errors
        .map((x: unknown) =>
          typeof x === 'object' &&
          x !== null &&
          typeof (x as { message?: unknown }).message === 'string'
            ? (x as { message: string }).message
            : null,
        )
        .filter((x): x is string => x !== null);
      if (lines.length > 0) return lines;
    }
  }
  return [errorMessage(e)];
}
