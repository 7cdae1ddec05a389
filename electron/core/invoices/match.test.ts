import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchLine, rememberedPack, wordScore } from './match.ts';
import { openInvoiceStore, SOL, type InvoiceStore } from './test-support.ts';

describe('wordScore', () => {
  it('is 1 for the same words, whatever the case, accents, pack and size', () => {
    expect(wordScore('AZUCAR LEDESMA x10', 'Azúcar Ledesma', null)).toBe(1);
    expect(wordScore('Yerba Playadito 1KG', 'Yerba Playadito 1 kg', null)).toBe(1);
  });

  it('reads the abbreviations invoices print', () => {
    expect(wordScore('GALLET SURT BAGLEY', 'Galletitas Surtidas', 'Bagley')).toBe(1);
  });

  it('counts the brand with the name', () => {
    expect(wordScore('Yerba Playadito', 'Yerba Mate 1 kg', 'Playadito')).toBe(0.8);
  });

  it('drops when the printed size differs from the product’s', () => {
    expect(wordScore('Coca Cola 2,25L', 'Coca Cola 1,5 L', null)).toBe(0.7);
    expect(wordScore('Coca Cola 1500 cc', 'Coca Cola 1,5 L', null)).toBe(1);
  });

  it('is 0 without a word in common', () => {
    expect(wordScore('Fernet Branca', 'Yerba Playadito', null)).toBe(0);
    expect(wordScore('x12 500g', 'Yerba Playadito', null)).toBe(0);
  });
});

describe('matchLine', () => {
  let s: InvoiceStore;
  beforeEach(async () => {
    s = await openInvoiceStore();
  });
  afterEach(() => s.close());

  it('pre-selects by words only a clear winner among active products', async () => {
    const fideos = await s.product('Fideos Matarazzo Tirabuzón 500 g');
    await s.product('Fideos Matarazzo Mostachol 500 g');
    const old = await s.product('Fideos Lucchetti Tirabuzón 500 g', { active: false });
    const guess = matchLine(s.deps.db, SOL.cuit, { description: 'FIDEOS MATARAZZO TIRABUZON' });
    expect(guess.productId).toBe(fideos.id);
    expect(guess.candidates[0]).toMatchObject({ productId: fideos.id, by: 'words', score: 1 });
    expect(guess.candidates.some((c) => c.productId === old.id)).toBe(false);

    const vague = matchLine(s.deps.db, SOL.cuit, { description: 'Fideos Matarazzo' });
    expect(vague.productId).toBeNull();
    expect(vague.candidates).toHaveLength(2);
  });

  it('finds the product of a barcode OCR misread by one digit, only when one look-alike is a product', async () => {
    const vinagre = await s.product('Vinagre Menoyo de Manzana 500 ml', {
      barcodes: ['7797629106642'],
    });
    // The 9 in the middle read as 0: the check digit fails, and of its look-alikes only one is ours.
    const guess = matchLine(s.deps.db, SOL.cuit, { code: '7797620106642', description: 'VINAGRE' });
    expect(guess.productId).toBe(vinagre.id);
    expect(guess.candidates[0]).toMatchObject({
      productId: vinagre.id,
      by: 'barcode',
      score: 0.95,
    });

    // Two look-alikes in the catalog: nothing is guessed from the code.
    await s.product('Vinagre Menoyo de Alcohol 500 ml', { barcodes: ['7797520106642'] });
    const unsure = matchLine(s.deps.db, SOL.cuit, { code: '7797620106642', description: 'XX' });
    expect(unsure.productId).toBeNull();
  });

  it('puts a barcode first, then the supplier’s code, and never lists a product twice', async () => {
    const a = await s.product('Lavandina Ayudín 1 L', { barcodes: ['7791234000036'] });
    const b = await s.product('Lavandina Ayudín 2 L');
    s.deps.db
      .prepare(
        "INSERT INTO suppliers (cuit, name, created_at, updated_at) VALUES (?, 'El Sol', 0, 0)",
      )
      .run(SOL.cuit);
    s.deps.db
      .prepare(
        "INSERT INTO supplier_codes (supplier_cuit, code, product_id, pack_units, updated_at) VALUES (?, 'L1', ?, 12, 0)",
      )
      .run(SOL.cuit, b.id);
    const guess = matchLine(s.deps.db, SOL.cuit, {
      code: 'L1',
      description: 'LAVANDINA AYUDIN 7791234000036',
    });
    expect(guess.candidates.map((c) => [c.productId, c.by])).toEqual([
      [a.id, 'barcode'],
      [b.id, 'alias'],
    ]);
    expect(guess.productId).toBe(a.id);
    const byAlias = matchLine(s.deps.db, SOL.cuit, { code: 'L1', description: 'LAV AYUD' });
    expect(byAlias.productId).toBe(b.id);
    expect(rememberedPack(s.deps.db, SOL.cuit, 'L1', b.id)).toBe(12);
    expect(rememberedPack(s.deps.db, SOL.cuit, 'L1', a.id)).toBeNull();
    // Another supplier's code L1 means nothing.
    expect(
      matchLine(s.deps.db, '30500012346', { code: 'L1', description: '' }).productId,
    ).toBeNull();
  });
});
