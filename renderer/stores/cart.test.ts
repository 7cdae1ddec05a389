import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Api,
  ChannelName,
  PosSettings,
  Product,
  Result,
} from '../../shared/contract/index.ts';
import { makeScaleBarcode } from '../../shared/domain/barcode.ts';
import { setApi } from '../lib/api.ts';
import { forgetProducts, useCart } from './cart.ts';

const product = (over: Partial<Product>): Product => ({
  id: 'p',
  sku: null,
  plu: null,
  name: 'Producto',
  brand: null,
  categoryId: null,
  categoryPath: null,
  unit: 'u',
  ivaRateBp: 2100,
  cost: 0,
  costDate: null,
  price: 1_000_00,
  minStock: 0,
  maxStock: null,
  supplierCuit: null,
  active: true,
  barcodes: [],
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

const alfajor = product({
  id: 'alfajor',
  name: 'Alfajor',
  barcodes: ['7790040000012'],
  price: 900_00,
});
const queso = product({ id: 'queso', name: 'Queso', unit: 'kg', plu: 123, price: 12_000_00 });
const layout = { prefix: '20', pluLength: 5, valueKind: 'weight', valueDecimals: 3 } as const;
const settings = { scaleLayouts: [layout], cashRoundingStep: 0 } as unknown as PosSettings;

/** A core that knows two products and counts the lookups. */
function fakeCore() {
  const calls: string[] = [];
  const api: Api = {
    async invoke(channel: ChannelName, input: unknown): Promise<Result<never>> {
      const code = (input as { code?: string }).code ?? '';
      calls.push(`${channel}:${code}`);
      const found =
        channel === 'catalog.lookup'
          ? ([alfajor, queso].find(
              (p) => p.barcodes.includes(code) || String(p.plu) === String(Number(code)),
            ) ?? null)
          : null;
      return { ok: true, value: found as never };
    },
    subscribe: () => () => undefined,
  };
  return { api, calls };
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('scanning into the cart', () => {
  let core: ReturnType<typeof fakeCore>;
  beforeEach(() => {
    core = fakeCore();
    setApi(core.api);
    forgetProducts('all');
    useCart.setState({ settings });
    useCart.getState().reset();
  });
  afterEach(() => setApi(null));

  it('looks a code up once, then adds the same product again without asking the core', async () => {
    useCart.getState().scan('7790040000012');
    await settle();
    expect(useCart.getState().ticket.lines[0]?.qty).toBe(1000);
    useCart.getState().scan('7790040000012');
    // Synchronous: the line is there before any await.
    expect(useCart.getState().ticket.lines[0]?.qty).toBe(2000);
    expect(core.calls).toEqual(['catalog.lookup:7790040000012']);
  });

  it('applies a pending multiplier to the next scan only', async () => {
    useCart.getState().setMultiplier(3000);
    useCart.getState().scan('7790040000012');
    await settle();
    expect(useCart.getState().ticket.lines[0]?.qty).toBe(3000);
    expect(useCart.getState().ticket.multiplier).toBeNull();
  });

  it('reads a scale label: the PLU names the product, the label gives the weight', async () => {
    const code = makeScaleBarcode(layout, 123, 455);
    useCart.getState().scan(code);
    await settle();
    const line = useCart.getState().ticket.lines[0];
    expect(line).toMatchObject({ qty: 455, code, fromLabel: true });
    expect(line?.product.id).toBe('queso');
    // First the whole code (a product's own barcode wins), then the PLU.
    expect(core.calls).toEqual([`catalog.lookup:${code}`, 'catalog.lookup:00123']);
  });

  it('flags an unknown code and keeps the ticket as it was', async () => {
    useCart.getState().scan('0000000000000');
    await settle();
    expect(useCart.getState().notFound?.code).toBe('0000000000000');
    expect(useCart.getState().ticket.lines).toEqual([]);
  });

  it('keeps lines in scan order when a cached product follows one still being looked up', async () => {
    useCart.getState().scan('7790040000012');
    await settle();
    useCart.getState().scan(makeScaleBarcode(layout, 123, 200));
    useCart.getState().scan('7790040000012');
    await settle();
    expect(useCart.getState().ticket.lines.map((l) => l.product.id)).toEqual([
      'alfajor',
      'queso',
      'alfajor',
    ]);
  });
});
