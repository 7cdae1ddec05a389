import { create } from 'zustand';
import type { AppEvent, CashSession, PosSettings, Sale } from '../../shared/contract/index.ts';
import { parseScaleBarcode, type ScaleBarcode } from '../../shared/domain/barcode.ts';
import { uuidv7 } from '../../shared/domain/uuid.ts';
import { call, errorMessage, getApi } from '../lib/api.ts';
import {
  addProduct,
  newTicket,
  setMultiplier,
  toCartProduct,
  type CartProduct,
  type Ticket,
} from './ticket.ts';

/**
 * The counter's cart: the ticket (pure functions in ticket.ts), the scan path and a small cache
 * of products already looked up, so a repeated scan adds its line without a round trip.
 */

export type LastSale = { sale: Sale; expectedTotal: number };

type CartState = {
  ticket: Ticket;
  settings: PosSettings | null;
  /** The open drawer; undefined while unknown. */
  drawer: CashSession | null | undefined;
  /** `n` changes on every miss so the same unknown code flashes again. */
  notFound: { code: string; n: number } | null;
  /** The error line under the scan box, Spanish. */
  message: string | null;
  /** Lookups on their way to the core. */
  pending: number;
  /** When the scan behind `ticket.seq` started (performance.now()), for the timing mark. */
  scanMark: { seq: number; startedAt: number } | null;
  lastSale: LastSale | null;

  loadSettings(): Promise<void>;
  refreshDrawer(): Promise<void>;
  setDrawer(drawer: CashSession | null): void;
  /** A scanned or typed code. */
  scan(code: string, opts?: { startedAt?: number; multiplier?: number | null }): void;
  /** A product picked from the search list. */
  addById(productId: string): Promise<void>;
  setMultiplier(milli: number | null): void;
  /** Applies a ticket change; a domain error becomes the message line. Returns success. */
  apply(change: (t: Ticket) => Ticket): boolean;
  setMessage(message: string | null): void;
  /** A fresh ticket with a new idempotency key. */
  reset(): void;
  finishSale(sale: Sale, expectedTotal: number): void;
  clearLastSale(): void;
};

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

const byCode = new Map<string, CartProduct>();
const byId = new Map<string, CartProduct>();
/** Scale-label codes known not to be any product's own barcode. */
const notBarcodes = new Set<string>();

type Resolved = { p: CartProduct; label: ScaleBarcode | null };
const MAX_CACHED = 5000;

function remember(code: string | null, p: CartProduct): void {
  if (byCode.size > MAX_CACHED) byCode.clear();
  if (notBarcodes.size > MAX_CACHED) notBarcodes.clear();
  if (code !== null) byCode.set(code, p);
  byId.set(p.id, p);
}

/** Forgets products whose price or data may have changed. */
export function forgetProducts(ids: string[] | 'all'): void {
  if (ids === 'all') {
    byCode.clear();
    byId.clear();
    notBarcodes.clear();
    return;
  }
  notBarcodes.clear();
  const gone = new Set(ids);
  for (const [code, p] of byCode) if (gone.has(p.id)) byCode.delete(code);
  for (const id of gone) byId.delete(id);
}

/** For tests and the dev check: put a product in the cache as if it had been looked up. */
export function primeProduct(code: string, p: CartProduct): void {
  remember(code, toCartProduct(p));
}

// Lookups resolve in scan order: a cached product scanned while an earlier code is still on its
// way waits for it, so lines appear in the order they were scanned.
let queue: Promise<void> = Promise.resolve();
let inFlight = 0;

/** A label's line: its weight, or for a priced label the weight that price buys (as the core). */
function labelLine(
  label: ScaleBarcode,
  p: CartProduct,
): { qty: number; labelPrice: number | null } {
  if (label.weightMilli !== undefined) return { qty: label.weightMilli, labelPrice: null };
  const price = label.priceCentavos ?? 0;
  if (p.price <= 0) return { qty: 0, labelPrice: price };
  return { qty: Math.max(1, Math.round((price * 1000) / p.price)), labelPrice: price };
}

// The ticket in progress survives a reload or a crash of the window, with its idempotency key:
// a sale that went through before the crash is then found, not charged twice.
const TICKET_KEY = 'caja.ticket';

function restoreTicket(): Ticket | null {
  try {
    const text = globalThis.localStorage?.getItem(TICKET_KEY);
    if (!text) return null;
    const t = JSON.parse(text) as Ticket;
    return typeof t.id === 'string' && Array.isArray(t.lines) ? t : null;
  } catch {
    return null;
  }
}

export const useCart = create<CartState>()((set, get) => {
  function add(
    p: CartProduct,
    code: string | null,
    label: ScaleBarcode | null,
    qty: number | undefined,
    startedAt: number | null,
  ) {
    if (label && p.unit === 'u') {
      set({ message: `${p.name} se vende por unidad, no por peso: revisá la etiqueta` });
      return;
    }
    const ok = get().apply((t) =>
      addProduct(t, p, label ? { code, ...labelLine(label, p), fromLabel: true } : { code, qty }),
    );
    if (ok) {
      const seq = get().ticket.seq;
      set({
        notFound: null,
        lastSale: null,
        scanMark: startedAt === null ? null : { seq, startedAt },
      });
    }
  }

  async function lookup(code: string): Promise<CartProduct | null> {
    const found = await call('catalog.lookup', { code });
    if (!found) return null;
    const p = toCartProduct(found);
    remember(code, p);
    return p;
  }

  /**
   * A 2x code may be a product's own barcode (shops print their own): that wins, as in the core.
   * Otherwise the label's PLU names the product.
   */
  async function resolve(code: string, label: ScaleBarcode | null): Promise<Resolved | null> {
    const own = byCode.get(code) ?? (label && notBarcodes.has(code) ? null : await lookup(code));
    if (own) return { p: own, label: null };
    if (!label) return null;
    notBarcodes.add(code);
    const byPlu = byCode.get(label.plu) ?? (await lookup(label.plu));
    return byPlu ? { p: byPlu, label } : null;
  }

  /** The same answer from the cache, or undefined when the core must be asked. */
  function resolveCached(code: string, label: ScaleBarcode | null): Resolved | undefined {
    const own = byCode.get(code);
    if (own) return { p: own, label: null };
    if (!label || !notBarcodes.has(code)) return undefined;
    const byPlu = byCode.get(label.plu);
    return byPlu ? { p: byPlu, label } : undefined;
  }

  return {
    ticket: restoreTicket() ?? newTicket(uuidv7()),
    settings: null,
    drawer: undefined,
    notFound: null,
    message: null,
    pending: 0,
    scanMark: null,
    lastSale: null,

    async loadSettings() {
      try {
        set({ settings: await call('sales.settings', {}) });
      } catch {
        // Without settings scale labels are not read; the next visit tries again.
      }
    },

    async refreshDrawer() {
      try {
        set({ drawer: await call('cash.current', {}) });
      } catch {
        set({ drawer: undefined });
      }
    },

    setDrawer(drawer) {
      set({ drawer });
    },

    scan(raw, opts = {}) {
      const code = raw.trim();
      if (code === '') return;
      const startedAt = opts.startedAt ?? now();
      let label: ScaleBarcode | null = null;
      try {
        label = parseScaleBarcode(code, get().settings?.scaleLayouts ?? []);
      } catch {
        label = null;
      }
      // The multiplier belongs to this scan, whatever else is typed while it is looked up; a
      // scale label brings its own quantity and leaves the multiplier for the next scan.
      const multiplier = opts.multiplier !== undefined ? opts.multiplier : get().ticket.multiplier;
      if (!label && get().ticket.multiplier !== null) {
        set((s) => ({ ticket: setMultiplier(s.ticket, null) }));
      }
      const place = (r: Resolved) => {
        if (!r.label && label && multiplier !== null && multiplier === get().ticket.multiplier) {
          set((s) => ({ ticket: setMultiplier(s.ticket, null) }));
        }
        add(r.p, code, r.label, r.label ? undefined : (multiplier ?? undefined), startedAt);
      };
      const cached = inFlight === 0 ? resolveCached(code, label) : undefined;
      if (cached) {
        place(cached);
        return;
      }
      inFlight++;
      set({ pending: inFlight, message: null });
      const job = queue.then(async () => {
        try {
          const r = await resolve(code, label);
          if (r) place(r);
          else set((s) => ({ notFound: { code, n: (s.notFound?.n ?? 0) + 1 }, message: null }));
        } catch (e) {
          set({ message: errorMessage(e) });
        } finally {
          inFlight--;
          set({ pending: inFlight });
        }
      });
      queue = job;
    },

    async addById(productId) {
      const startedAt = now();
      const multiplier = get().ticket.multiplier;
      try {
        const p =
          byId.get(productId) ?? toCartProduct(await call('catalog.get', { id: productId }));
        remember(null, p);
        add(p, null, null, multiplier ?? undefined, startedAt);
      } catch (e) {
        set({ message: errorMessage(e) });
      }
    },

    setMultiplier(milli) {
      set((s) => ({ ticket: setMultiplier(s.ticket, milli) }));
    },

    apply(change) {
      try {
        set((s) => ({ ticket: change(s.ticket), message: null }));
        return true;
      } catch (e) {
        set({ message: errorMessage(e) });
        return false;
      }
    },

    setMessage(message) {
      set({ message });
    },

    reset() {
      set({ ticket: newTicket(uuidv7()), notFound: null, message: null, scanMark: null });
    },

    finishSale(sale, expectedTotal) {
      set({
        ticket: newTicket(uuidv7()),
        notFound: null,
        message: null,
        scanMark: null,
        lastSale: { sale, expectedTotal },
      });
    },

    clearLastSale() {
      set({ lastSale: null });
    },
  };
});

useCart.subscribe((state, prev) => {
  if (state.ticket === prev.ticket) return;
  try {
    if (state.ticket.lines.length === 0) globalThis.localStorage?.removeItem(TICKET_KEY);
    else globalThis.localStorage?.setItem(TICKET_KEY, JSON.stringify(state.ticket));
  } catch {
    // Storage full or unavailable: the ticket just lives in memory.
  }
});

function onEvent(event: AppEvent): void {
  if (event.type === 'catalog.changed') forgetProducts(event.payload.productIds);
}

/** Keeps the product cache honest while the counter is open; returns a cleanup. */
export function connectCart(): () => void {
  return getApi().subscribe(onEvent);
}
