import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Product } from '../../../shared/contract/index.ts';
import { updateProduct } from './products.ts';
import { editable, openStore, type Store } from './test-support.ts';

let s: Store;
beforeEach(async () => {
  s = await openStore();
});
afterEach(() => s.close());

const names = (page: { items: { name: string }[] }) => page.items.map((i) => i.name);

describe('search', () => {
  it("finds 'Azúcar Ledesma 1 kg' when searching 'azucar ledesma', whatever the case and accents", async () => {
    await s.product('Azúcar Ledesma 1 kg', { brand: 'Ledesma' });
    await s.product('Yerba Playadito 1 kg');
    await s.product('Ñoquis de papa', { brand: 'Don Ñoño' });
    expect(names(await s.call('catalog.search', { text: 'azucar ledesma' }))).toEqual([
      'Azúcar Ledesma 1 kg',
    ]);
    expect(names(await s.call('catalog.search', { text: 'AZÚCAR led' }))).toEqual([
      'Azúcar Ledesma 1 kg',
    ]);
    expect(names(await s.call('catalog.search', { text: 'noquis' }))).toEqual(['Ñoquis de papa']);
    expect(names(await s.call('catalog.search', { text: 'nono' }))).toEqual(['Ñoquis de papa']);
    const none = await s.call('catalog.search', { text: 'azucar playadito' });
    expect(none).toEqual({ items: [], total: 0 });
  });

  it('lists every product by name when the text is empty, a page at a time with the total', async () => {
    for (const n of [
      'Galletitas Oreo',
      'Arroz Gallo',
      'Fideos Matarazzo',
      'Café La Morenita',
      'Leche La Serenísima',
    ]) {
      await s.product(n);
    }
    const first = await s.call('catalog.search', { text: '', limit: 2 });
    expect(first.total).toBe(5);
    expect(names(first)).toEqual(['Arroz Gallo', 'Café La Morenita']);
    const last = await s.call('catalog.search', { text: '  ', limit: 2, offset: 4 });
    expect(names(last)).toEqual(['Leche La Serenísima']);
  });

  it('puts the product whose barcode or SKU is exactly the digits typed first, then word matches', async () => {
    await s.product('Alfajor Jorgito', { barcodes: ['77900011'] });
    await s.product('Caramelos Sugus', { barcodes: ['7790001100'] });
    await s.product('Chicle Beldent', { sku: '77900011' });
    const page = await s.call('catalog.search', { text: '77900011' });
    expect(names(page).slice(0, 2).sort()).toEqual(['Alfajor Jorgito', 'Chicle Beldent']);
    expect(names(page)[2]).toBe('Caramelos Sugus');
    expect(page.total).toBe(3);
    const second = await s.call('catalog.search', { text: '77900011', limit: 1, offset: 2 });
    expect(names(second)).toEqual(['Caramelos Sugus']);
  });

  it('filters by category including its subcategories, and shows the category path', async () => {
    const almacen = await s.call('catalog.createCategory', { name: 'Almacén' });
    const infusiones = await s.call('catalog.createCategory', {
      name: 'Infusiones',
      parentId: almacen.id,
    });
    const limpieza = await s.call('catalog.createCategory', { name: 'Limpieza' });
    await s.product('Yerba Taragüí', { categoryId: infusiones.id });
    await s.product('Arroz Gallo', { categoryId: almacen.id });
    await s.product('Lavandina Ayudín', { categoryId: limpieza.id });
    const page = await s.call('catalog.search', { text: '', categoryId: almacen.id });
    expect(names(page)).toEqual(['Arroz Gallo', 'Yerba Taragüí']);
    expect(page.items[1]?.categoryPath).toBe('Almacén › Infusiones');
    expect(names(await s.call('catalog.search', { text: 'infusiones' }))).toEqual([
      'Yerba Taragüí',
    ]);
    expect(
      names(await s.call('catalog.search', { text: 'yerba', categoryId: limpieza.id })),
    ).toEqual([]);
  });

  it('hides inactive products unless asked, and lists only those under their minimum stock', async () => {
    const leche = await s.product('Leche entera', { minStock: 10_000 });
    const pan = await s.product('Pan lactal', { minStock: 2_000 });
    await s.product('Vino viejo', { active: false });
    await s.call('stock.move', {
      productId: leche.id,
      locationId: s.salon.id,
      kind: 'entrada',
      qty: 4_000,
      reason: 'Compra',
    });
    await s.call('stock.move', {
      productId: leche.id,
      locationId: s.deposito.id,
      kind: 'entrada',
      qty: 3_000,
      reason: 'Compra',
    });
    await s.call('stock.move', {
      productId: pan.id,
      locationId: s.salon.id,
      kind: 'entrada',
      qty: 5_000,
      reason: 'Compra',
    });
    expect(names(await s.call('catalog.search', { text: '' }))).toEqual([
      'Leche entera',
      'Pan lactal',
    ]);
    expect(names(await s.call('catalog.search', { text: 'vino', includeInactive: true }))).toEqual([
      'Vino viejo',
    ]);
    const low = await s.call('catalog.search', { text: '', lowStockOnly: true });
    expect(low.items).toMatchObject([{ name: 'Leche entera', stock: 7_000, minStock: 10_000 }]);
    expect(low.total).toBe(1);
  });
  it('keeps the total right for paging after a product is deactivated', async () => {
    const jugos = [];
    for (const n of ['Jugo Tang naranja', 'Jugo Clight pomelo', 'Jugo Baggio durazno']) {
      jugos.push(await s.product(n));
    }
    expect((await s.call('catalog.search', { text: 'jugo', limit: 1 })).total).toBe(3);
    expect((await s.call('catalog.search', { text: '', limit: 1 })).total).toBe(3);
    const tang = jugos[0] as Product;
    await s.call('catalog.update', { id: tang.id, changes: { ...editable(tang), active: false } });
    const page = await s.call('catalog.search', { text: 'jugo', limit: 1 });
    expect(page.total).toBe(2);
    expect((await s.call('catalog.search', { text: '', limit: 1 })).total).toBe(2);
    expect(
      (await s.call('catalog.search', { text: 'jugo', limit: 1, includeInactive: true })).total,
    ).toBe(3);
    const all = await s.call('catalog.search', { text: 'jugo', limit: 1, offset: 1 });
    expect(all.items.map((i) => i.name)).not.toContain('Jugo Tang naranja');
  });
});

describe('lookup', () => {
  it('finds a product by each of its barcodes, by SKU and by numeric PLU', async () => {
    const p = await s.product('Queso cremoso', {
      barcodes: ['7791234567890', '2000123'],
      sku: 'QC-01',
      plu: 123,
      unit: 'kg',
    });
    for (const code of ['7791234567890', '2000123', ' QC-01 ', '123']) {
      expect((await s.call('catalog.lookup', { code }))?.id).toBe(p.id);
    }
    expect(await s.call('catalog.lookup', { code: '999' })).toBeNull();
    expect(await s.call('catalog.lookup', { code: 'qc-01x' })).toBeNull();
  });

  it('prefers a barcode over a SKU or PLU that reads the same', async () => {
    const byPlu = await s.product('Jamón cocido', { plu: 4567 });
    const byCode = await s.product('Pilas AA', { barcodes: ['4567'] });
    expect((await s.call('catalog.lookup', { code: '4567' }))?.id).toBe(byCode.id);
    expect((await s.call('catalog.get', { id: byPlu.id })).plu).toBe(4567);
  });
});

describe('create and update', () => {
  it('stores every field and returns the product with its category path', async () => {
    const cat = await s.call('catalog.createCategory', { name: 'Bebidas' });
    const p = await s.product('Coca-Cola 2,25 L', {
      brand: 'Coca-Cola',
      sku: 'CC225',
      categoryId: cat.id,
      unit: 'u',
      ivaRateBp: 2100,
      cost: 1500_00,
      price: 2999_99,
      minStock: 6_000,
      maxStock: 48_000,
      supplierCuit: '30-50000845-4',
      barcodes: ['7790895000997'],
    });
    expect(p).toMatchObject({
      categoryPath: 'Bebidas',
      supplierCuit: '30500008454',
      price: 2999_99,
      active: true,
    });
    expect(p.costDate).toBe(p.createdAt);
    expect(await s.call('catalog.get', { id: p.id })).toEqual(p);
  });

  it('refuses a barcode that already belongs to another product, naming it, and writes nothing', async () => {
    await s.product('Yerba Mañanita 1 kg', { barcodes: ['7790387000015'] });
    const before = s.count('audit_log');
    const err = await s.fail('catalog.create', {
      name: 'Otra yerba',
      price: 100,
      barcodes: ['7790387000015'],
    });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('El código de barras 7790387000015 ya es de «Yerba Mañanita 1 kg»');
    expect(s.count('products')).toBe(1);
    expect(s.count('audit_log')).toBe(before);
  });

  it('refuses a repeated SKU or PLU and an invalid supplier CUIT', async () => {
    await s.product('Mortadela', { sku: 'MORT', plu: 55 });
    expect((await s.fail('catalog.create', { name: 'X', price: 1, sku: 'MORT' })).message).toBe(
      'El código interno MORT ya es de «Mortadela»',
    );
    expect((await s.fail('catalog.create', { name: 'X', price: 1, plu: 55 })).message).toBe(
      'El PLU 55 ya es de «Mortadela»',
    );
    const bad = await s.fail('catalog.create', {
      name: 'X',
      price: 1,
      supplierCuit: '30-50000845-5',
    });
    expect(bad).toMatchObject({
      code: 'INVALID_INPUT',
      message: '«30-50000845-5» no es un CUIT válido: el dígito verificador no coincide',
    });
    expect(
      (await s.fail('catalog.create', { name: 'X', price: 1, categoryId: 'nope' })).message,
    ).toBe('La categoría elegida no existe');
    expect(s.count('products')).toBe(1);
  });

  it('refuses a negative price and writes nothing', async () => {
    const audit = s.count('audit_log');
    const err = await s.fail('catalog.create', { name: 'Fernet', price: -1 });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('no puede ser negativo');
    expect(s.count('products') + s.count('products_fts')).toBe(0);
    expect(s.count('audit_log')).toBe(audit);
  });

  it('updates a product, keeps the word index in step and logs before and after', async () => {
    const p = await s.product('Galletitas Criollitas', { cost: 500_00, barcodes: ['111'] });
    const id = p.id;
    const changes = { ...editable(p), name: 'Galletitas Express', cost: 600_00, barcodes: ['222'] };
    const q = await s.call('catalog.update', { id, changes });
    expect(q).toMatchObject({ name: 'Galletitas Express', cost: 600_00, barcodes: ['222'] });
    expect(q.costDate).toBeGreaterThan(p.costDate ?? 0);
    expect(names(await s.call('catalog.search', { text: 'criollitas' }))).toEqual([]);
    expect(names(await s.call('catalog.search', { text: 'express' }))).toEqual([
      'Galletitas Express',
    ]);
    expect(await s.call('catalog.lookup', { code: '111' })).toBeNull();
    const log = await s.call('audit.list', { entity: 'product', entityId: id });
    const entry = log.items[0] as AuditEntry;
    expect(entry.action).toBe('product.update');
    expect(entry.before).toMatchObject({ name: 'Galletitas Criollitas', barcodes: ['111'] });
    expect(entry.after).toMatchObject({ name: 'Galletitas Express', barcodes: ['222'] });
    expect(s.events).toContainEqual({ type: 'catalog.changed', payload: { productIds: [id] } });
  });

  it('changes only the fields given when updating from code', async () => {
    const p = await s.product('Aceite Cocinero', { brand: 'Cocinero', sku: 'AC1', active: true });
    const ctx = s.core.systemCtx('test');
    const q = updateProduct(ctx, p.id, { price: 3500_00 });
    expect(q).toMatchObject({ brand: 'Cocinero', sku: 'AC1', price: 3500_00, costDate: null });
    expect(updateProduct(ctx, p.id, { brand: null }).brand).toBeNull();
  });

  it('refuses to update a product that does not exist', async () => {
    const err = await s.fail('catalog.update', { id: 'nope', changes: { price: 1 } });
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'El producto no existe' });
  });
});

describe('categories', () => {
  it('builds the tree with paths and refuses the same name twice under one parent', async () => {
    const almacen = await s.call('catalog.createCategory', { name: 'Almacén' });
    const inf = await s.call('catalog.createCategory', {
      name: 'Infusiones',
      parentId: almacen.id,
    });
    await s.call('catalog.createCategory', { name: 'Infusiones' });
    const dup = await s.fail('catalog.createCategory', {
      name: 'infusiones',
      parentId: almacen.id,
    });
    expect(dup).toMatchObject({
      code: 'CONFLICT',
      message: 'Ya existe la categoría «Infusiones» en «Almacén»',
    });
    expect((await s.fail('catalog.createCategory', { name: 'ALMACEN' })).code).toBe('CONFLICT');
    const list = await s.call('catalog.categories', {});
    expect(list.map((c) => c.path)).toEqual(['Almacén', 'Almacén › Infusiones', 'Infusiones']);
    expect(list[1]).toEqual({
      id: inf.id,
      name: 'Infusiones',
      parentId: almacen.id,
      path: 'Almacén › Infusiones',
    });
  });
});

describe('permissions and audit', () => {
  it('lets a cajero search but not create products', async () => {
    await s.product('Agua Villavicencio');
    const cajero = await s.login('Cajero Juan', 'cajero');
    expect((await s.call('catalog.search', { text: 'agua' }, cajero)).total).toBe(1);
    const err = await s.fail('catalog.create', { name: 'Trucho', price: 1 }, cajero);
    expect(err.code).toBe('FORBIDDEN');
    expect(s.count('products')).toBe(1);
  });

  it('reports a product row edited with SQL behind the app in stateMismatches', async () => {
    const p = await s.product('Cerveza Quilmes 1 L', { price: 2000_00 });
    await s.call('catalog.update', { id: p.id, changes: { ...editable(p), price: 2100_00 } });
    expect((await s.call('audit.verify', {})).ok).toBe(true);
    s.deps.db.prepare('UPDATE products SET price = 1 WHERE id = ?').run(p.id);
    const v = await s.call('audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toBeNull();
    expect(v.stateMismatches).toHaveLength(1);
    expect(v.stateMismatches[0]?.message).toContain(
      `El producto «Cerveza Quilmes 1 L» (sin código; id ${p.id}) fue modificado fuera de la aplicación`,
    );
  });
});
