export * from './errors.ts';
export * from './money.ts';
export * from './cuit.ts';
export * from './barcode.ts';
export * from './text.ts';
export * from './csv.ts';
export * from './uuid.ts';
