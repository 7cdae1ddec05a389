import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, ImportPreview } from '../../../shared/contract/index.ts';
import { csvFile, openStore, type Store } from './test-support.ts';

let s: Store;
beforeEach(async () => {
  s = await openStore();
});
afterEach(() => s.close());

const preview = (text: string, enc?: Parameters<typeof csvFile>[1], fileName = 'lista.csv') =>
  s.call('catalog.importPreview', { fileName, contentBase64: csvFile(text, enc) });

const stockAt = (productId: string, locationId: string): number =>
  (
    s.deps.db
      .prepare('SELECT qty FROM stock_levels WHERE product_id = ? AND location_id = ?')
      .get(productId, locationId) as { qty: number } | undefined
  )?.qty ?? 0;

const lookup = async (code: string) => {
  const p = await s.call('catalog.lookup', { code });
  if (!p) throw new Error(`no existe ${code}`);
  return p;
};

const EXCEL_AR = [
  'Código de barras;Código;Nombre;Marca;Categoría;Unidad;IVA;Costo;Precio;Stock;Stock mínimo;CUIT proveedor;Observaciones',
  '7790387000015;YM1;Yerba Mañanita 1 kg;Mañanita;Almacén > Infusiones;un;21;$ 1.800,50;2.999,99;12;3;30-50000845-4;rica',
  '7791234000011;;Azúcar Ledesma 1 kg;Ledesma;Almacén/Endulzantes;u;10,5;900,00;1500,5;24;6;;',
  '2000001;QUE1;Queso cremoso;;Fiambrería;kg;10.5%;4.500;7.999,90;3,250;1,5;;',
  '7790000000001;;;Sin nombre;;u;21;1;2;;;;',
  '7790000000002;;Precio negativo;;;u;21;1;-5;;;;',
  '7790387000015;;Yerba repetida;;;u;21;1;5;;;;',
  '7790000000003;;Mala unidad;;;docena;21;1;5;;;;',
  '7790000000004;;Mal IVA;;;u;22;1;5;;;;',
  '7790000000005;;Mal CUIT;;;u;21;1;5;;;20-12345678-0;',
  '7790000000006;;Absurdo;;;u;21;1;99999999999999;;;;',
  '7790000000007;;Stock raro;;;u;21;1;5;1,5;;;',
  '7,79E+12;;Notación científica;;;u;21;1;5;;;;',
  '',
].join('\r\n');

describe('catalog import', () => {
  it('previews an Excel-AR file (Windows-1252, ";" and decimal commas) row by row without writing', async () => {
    const p = await preview(EXCEL_AR, 'windows-1252');
    expect(p).toMatchObject({
      encoding: 'windows-1252',
      separator: ';',
      totalRows: 12,
      validRows: 3,
      errorRows: 9,
      creates: 3,
      updates: 0,
    });
    const at = (row: number) =>
      p.errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.message}`);
    expect(at(1)).toEqual(['Observaciones: Columna desconocida «Observaciones»: se ignora']);
    expect(at(5)).toEqual(['Nombre: Falta el nombre']);
    expect(at(6)).toEqual(['Precio: El precio no puede ser negativo']);
    expect(at(7)).toEqual([
      'Código de barras: El código de barras 7790387000015 se repite: ya está en la fila 2',
    ]);
    expect(at(8)).toEqual(['Unidad: Unidad «docena» inválida: usá u, kg o lt']);
    expect(at(9)[0]).toMatch(/^IVA: «22» no es una alícuota de IVA válida/);
    expect(at(10)[0]).toMatch(/^CUIT proveedor: «20-12345678-0» no es un CUIT válido/);
    expect(at(11)[0]).toMatch(/^Precio: «99999999999999» es un importe demasiado grande/);
    expect(at(12)[0]).toMatch(/^Stock: «1,5» no es una cantidad válida/);
    expect(at(13)[0]).toMatch(/notación científica/);
    expect(p.sample.map((r) => [r.row, r.action, r.name, r.price, r.cost, r.stock])).toEqual([
      [2, 'crear', 'Yerba Mañanita 1 kg', 2999_99, 1800_50, 12_000],
      [3, 'crear', 'Azúcar Ledesma 1 kg', 1500_50, 900_00, 24_000],
      [4, 'crear', 'Queso cremoso', 7999_90, 4500_00, 3_250],
    ]);
    expect(s.count('products') + s.count('categories') + s.count('stock_movements')).toBe(0);
  });

  it('writes exactly the valid rows on commit, with their categories and initial stock through the ledger', async () => {
    const p = await preview(EXCEL_AR, 'windows-1252', 'proveedor marzo.csv');
    const audit = s.count('audit_log');
    const r = await s.call('catalog.importCommit', { importId: p.importId });
    expect(r).toEqual({ created: 3, updated: 0, skipped: 9, stockMovements: 3 });
    expect(s.count('products')).toBe(3);
    const yerba = await lookup('7790387000015');
    expect(yerba).toMatchObject({
      sku: 'YM1',
      brand: 'Mañanita',
      categoryPath: 'Almacén › Infusiones',
      unit: 'u',
      ivaRateBp: 2100,
      cost: 1800_50,
      price: 2999_99,
      minStock: 3_000,
      supplierCuit: '30500008454',
    });
    const queso = await lookup('QUE1');
    expect(queso).toMatchObject({
      unit: 'kg',
      ivaRateBp: 1050,
      cost: 4500_00,
      minStock: 1_500,
      categoryPath: 'Fiambrería',
    });
    expect((await lookup('7791234000011')).categoryPath).toBe('Almacén › Endulzantes');
    expect((await s.call('catalog.categories', {})).map((c) => c.path)).toEqual([
      'Almacén',
      'Almacén › Endulzantes',
      'Almacén › Infusiones',
      'Fiambrería',
    ]);
    expect(stockAt(queso.id, s.salon.id)).toBe(3_250);
    const moves = await s.call('stock.movements', { productId: yerba.id });
    expect(moves).toMatchObject([
      {
        kind: 'ajuste',
        qty: 12_000,
        reason: 'Importación de catálogo',
        reference: 'proveedor marzo.csv',
        locationName: 'Salón',
      },
    ]);
    const log = await s.call('audit.list', { limit: 100 });
    const actions = log.items.filter((e) => e.seq > audit).map((e) => e.action);
    expect(actions.filter((a) => a === 'product.import_create')).toHaveLength(3);
    expect(actions.filter((a) => a === 'category.create')).toHaveLength(4);
    const summary = log.items.find((e) => e.action === 'catalog.import') as AuditEntry;
    expect(summary).toMatchObject({ entity: 'import', entityId: p.importId });
    expect(summary.after).toMatchObject({
      fileName: 'proveedor marzo.csv',
      created: 3,
      updated: 0,
      skipped: 9,
    });
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true, stateMismatches: [] });
    expect(s.events).toContainEqual({ type: 'catalog.changed', payload: { productIds: 'all' } });
  });

  it('reads a UTF-8 file with BOM, "," separator, English headers, quotes and several barcodes', async () => {
    const text = [
      'barcode,sku,name,brand,category,unit,iva_rate,cost,price,stock,min_stock,supplier_cuit',
      '"7790001000010|7790001000027",LECHE1,"Leche entera, 1 L",La Serenísima,Lácteos,lt,21,850.00,"1,200.50",20,5,',
      '7790001000034 7790001000041,,Dulce de leche,,Lácteos,u,10.5,$900,1500,,,',
    ].join('\n');
    const p = await preview(text, 'utf-8-bom');
    expect(p).toMatchObject({ encoding: 'utf-8-bom', separator: ',', validRows: 2, errors: [] });
    await s.call('catalog.importCommit', { importId: p.importId, locationId: s.deposito.id });
    const leche = await lookup('7790001000027');
    expect(leche).toMatchObject({
      name: 'Leche entera, 1 L',
      unit: 'lt',
      price: 1200_50,
      cost: 850_00,
      barcodes: ['7790001000010', '7790001000027'],
    });
    expect(stockAt(leche.id, s.deposito.id)).toBe(20_000);
    expect(stockAt(leche.id, s.salon.id)).toBe(0);
    expect((await lookup('7790001000041')).name).toBe('Dulce de leche');
    expect((await s.call('catalog.search', { text: 'lacteos' })).total).toBe(2);
  });

  it('updates products matched by barcode, then by SKU, creates the rest and flags codes owned by others', async () => {
    const fideos = await s.product('Fideos Lucchetti', {
      barcodes: ['7790070000011'],
      sku: 'FL1',
      brand: 'Lucchetti',
    });
    const arroz = await s.product('Arroz Gallo', { sku: 'AG1' });
    await s.product('Harina Pureza', { barcodes: ['7790080000017'] });
    const p = await preview(
      [
        'codigo_barras;codigo;nombre;precio',
        '7790070000011;;Fideos Lucchetti 500 g;1.100,00',
        '7790090000015;AG1;Arroz Gallo Oro 1 kg;2.000,00',
        '7790100000010;;Polenta Presto;900',
        '7790080000017;FL1;Mezcla;1',
        '7790070000011;;Fideos otra vez;5',
      ].join('\n'),
    );
    expect(p).toMatchObject({ creates: 1, updates: 2, errorRows: 2 });
    expect(p.errors.find((e) => e.row === 5)?.message).toBe(
      'El código de barras 7790080000017 ya es de «Harina Pureza», pero el código interno FL1 es de «Fideos Lucchetti»',
    );
    expect(p.errors.filter((e) => e.row === 6).map((e) => e.message)).toEqual([
      'El código de barras 7790070000011 se repite: ya está en la fila 2',
      '«Fideos Lucchetti» ya se actualiza en la fila 2',
    ]);
    const r = await s.call('catalog.importCommit', { importId: p.importId });
    expect(r).toEqual({ created: 1, updated: 2, skipped: 2, stockMovements: 0 });
    expect(await s.call('catalog.get', { id: fideos.id })).toMatchObject({
      name: 'Fideos Lucchetti 500 g',
      price: 1100_00,
      brand: 'Lucchetti',
      sku: 'FL1',
    });
    expect(await s.call('catalog.get', { id: arroz.id })).toMatchObject({
      name: 'Arroz Gallo Oro 1 kg',
      barcodes: ['7790090000015'],
    });
    const entry = (await s.call('audit.list', { entity: 'product', entityId: arroz.id }))
      .items[0] as AuditEntry;
    expect(entry).toMatchObject({
      action: 'product.import_update',
      before: { name: 'Arroz Gallo', barcodes: [] },
    });
    expect((await s.call('audit.verify', {})).ok).toBe(true);
    expect((await s.call('catalog.search', { text: 'oro' })).items.map((i) => i.id)).toEqual([
      arroz.id,
    ]);
  });

  it('matches a row with no codes to the one product with that name, and asks for a code when several share it', async () => {
    const pan = await s.product('Pan casero');
    await s.product('Facturas');
    await s.product('facturas');
    const p = await preview('nombre;precio\nPAN CASERO;1.500\nFacturas;300\n');
    expect(p).toMatchObject({ updates: 1, creates: 0, errorRows: 1 });
    expect(p.errors).toEqual([
      {
        row: 3,
        column: 'nombre',
        message:
          'Hay varios productos llamados «Facturas»: agregá el código de barras o el código interno para saber cuál actualizar',
      },
    ]);
    await s.call('catalog.importCommit', { importId: p.importId });
    expect(await s.call('catalog.get', { id: pan.id })).toMatchObject({
      name: 'PAN CASERO',
      price: 1500_00,
    });
  });

  it('sets stock to the file figure by posting the difference as an ajuste', async () => {
    const p1 = await preview('codigo;nombre;precio;stock\nGAL;Galletitas;100;10\n');
    await s.call('catalog.importCommit', { importId: p1.importId });
    const gal = await lookup('GAL');
    await s.call('stock.move', {
      productId: gal.id,
      locationId: s.deposito.id,
      kind: 'entrada',
      qty: 5_000,
      reason: 'Compra',
    });
    const p2 = await preview('codigo;nombre;precio;stock\nGAL;Galletitas;100;7\n');
    expect(await s.call('catalog.importCommit', { importId: p2.importId })).toEqual({
      created: 0,
      updated: 0,
      skipped: 1,
      stockMovements: 1,
    });
    expect(stockAt(gal.id, s.salon.id)).toBe(7_000);
    expect(stockAt(gal.id, s.deposito.id)).toBe(5_000);
    const moves = await s.call('stock.movements', { productId: gal.id, locationId: s.salon.id });
    expect(moves.map((m) => m.qty).sort()).toEqual([-3_000, 10_000]);
  });

  it('refuses a file without the name or price column, and warns about unknown ones', async () => {
    const err = await s.fail('catalog.importPreview', {
      fileName: 'x.csv',
      contentBase64: csvFile('codigo;descripcion_larga\nA;B\n'),
    });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toBe(
      'Al archivo le falta las columnas «nombre» (name) y «precio» (price). La primera fila tiene que tener los títulos de las columnas.',
    );
    expect(
      (await s.fail('catalog.importPreview', { fileName: 'x.csv', contentBase64: '' })).message,
    ).toBe('El archivo está vacío');
  });

  it('refuses to commit an unknown, cancelled or outdated preview', async () => {
    const unknown = await s.fail('catalog.importCommit', {
      importId: '0190c4c2-0000-7000-8000-000000000000',
    });
    expect(unknown).toMatchObject({
      code: 'NOT_FOUND',
      message: 'La vista previa de esta importación venció o ya se usó: volvé a cargar el archivo',
    });
    const p = await preview('nombre;precio\nMate cocido;500\n');
    expect(await s.call('catalog.importCancel', { importId: p.importId })).toEqual({
      cancelled: true,
    });
    expect((await s.fail('catalog.importCommit', { importId: p.importId })).code).toBe('NOT_FOUND');
    const q = await preview('nombre;precio\nMate cocido;500\n');
    await s.product('Té verde');
    const stale = await s.fail('catalog.importCommit', { importId: q.importId });
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      message:
        'El catálogo cambió desde la vista previa: volvé a cargar el archivo para revisarlo de nuevo',
    });
    expect(s.count('products')).toBe(1);
  });

  it('reports progress every 5.000 rows while committing a big file', async () => {
    const lines = ['codigo_barras;nombre;precio;stock'];
    for (let i = 0; i < 12_000; i++)
      lines.push(`${7790000100000 + i};Producto ${i};${i},50;${i % 7}`);
    const p: ImportPreview = await preview(lines.join('\n'));
    expect(p.validRows).toBe(12_000);
    s.events.length = 0;
    const r = await s.call('catalog.importCommit', { importId: p.importId });
    expect(r.created).toBe(12_000);
    const progress = s.events.filter((e) => e.type === 'jobs.progress').map((e) => e.payload);
    expect(progress.map((e) => ('done' in e ? e.done : -1))).toEqual([5_000, 10_000, 12_000]);
    expect(progress[0]).toMatchObject({
      jobId: p.importId,
      label: 'Importando catálogo',
      total: 12_000,
    });
    expect((await s.call('catalog.search', { text: 'producto 4499' })).items[0]?.price).toBe(
      4499_50,
    );
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('keeps answering other calls while a big import is being written', async () => {
    const lines = ['codigo_barras;nombre;precio'];
    for (let i = 0; i < 12_000; i++) lines.push(`${7790000200000 + i};Galletita ${i};${i},10`);
    const p: ImportPreview = await preview(lines.join('\n'));
    const order: string[] = [];
    const commit = s.call('catalog.importCommit', { importId: p.importId }).then(() => {
      order.push('import');
    });
    await new Promise((r) => setImmediate(r));
    const lookup = s.call('catalog.lookup', { code: '7790000200000' }).then((found) => {
      order.push(found ? 'lookup-found' : 'lookup-empty');
    });
    await Promise.all([commit, lookup]);
    // The lookup ran between chunks: it saw the first rows, before the import finished.
    expect(order).toEqual(['lookup-found', 'import']);
    const again = await s.fail('catalog.importCommit', { importId: p.importId });
    expect(again.code).toBe('NOT_FOUND');
  });
});
