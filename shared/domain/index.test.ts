import { expect, it } from 'vitest';
import * as domain from './index.ts';

it('re-exports every module', () => {
  for (const name of [
    'DomainError',
    'parseMoney',
    'normalizeCuit',
    'parseScaleBarcode',
    'ftsQuery',
    'parseCsv',
    'uuidv7',
  ]) {
    expect(domain).toHaveProperty(name);
  }
});
