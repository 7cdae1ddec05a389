import { useCallback, useEffect, useRef, useState } from 'react';
import type { Receipt, Sale, Tender } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { formatMoney, formatQuantity } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { useCart } from '../../stores/cart.ts';
import { useSession } from '../../stores/session.ts';
import {
  findLine,
  lineQtyText,
  lineTotals,
  removeLine,
  ticketTotals,
} from '../../stores/ticket.ts';
import { requestApproval } from './approval.ts';
import { beep } from './beep.ts';
import { costWarningText, nextCostWarning, type CostWarning } from './below-cost.ts';
import { CartTable } from './CartTable.tsx';
import { LineEditor } from './LineEditor.tsx';
import { Modal } from './Modal.tsx';
import { PaymentPanel, tenderForKey } from './PaymentPanel.tsx';
import { ReceiptPreview } from './ReceiptPreview.tsx';
import { isWordQuery } from './scan.ts';
import { SidePanel } from './SidePanel.tsx';
import { useCounterKeys } from './useCounterKeys.ts';
import { parseMultiplier, splitMultipliedCode } from './wedge.ts';

const p = t.pos;

export function SaleScreen() {
  const ticket = useCart((s) => s.ticket);
  const notFound = useCart((s) => s.notFound);
  const message = useCart((s) => s.message);
  const pending = useCart((s) => s.pending);
  const limitBp = useCart((s) => s.settings?.cashierDiscountLimitBp ?? 0);
  const role = useSession((s) => s.session?.user?.role ?? null);
  const cart = useCart.getState;

  const [search, setSearch] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [picked, setPicked] = useState<{ key: string; seq: number } | null>(null);
  const [paying, setPaying] = useState<Tender | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [printError, setPrintError] = useState<string | null>(null);
  const [costWarning, setCostWarning] = useState<CostWarning | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  const query = useDebouncedValue(search.trim(), 120);
  const wordSearch = isWordQuery(query);
  const results = useQuery('catalog.search', { text: query, limit: 12 }, { enabled: wordSearch });
  const items = wordSearch && search.trim() !== '' ? (results.data?.items ?? []) : [];

  const lines = ticket.lines;
  const selectedKey =
    picked && picked.seq === ticket.seq && findLine(ticket, picked.key)
      ? picked.key
      : ticket.lastKey;

  useEffect(() => {
    if (notFound) beep('error');
  }, [notFound]);

  // A line sold below cost is announced as it lands, beside the scan box; scanning goes on and
  // the focus stays where it was. A new warning is a new object: that is what beeps.
  useEffect(
    () =>
      useCart.subscribe((state, prev) => {
        if (state.ticket !== prev.ticket) {
          setCostWarning((current) => nextCostWarning(prev.ticket, state.ticket, current));
        }
      }),
    [],
  );
  useEffect(() => {
    if (costWarning) beep('warn');
  }, [costWarning]);

  const clearSearch = useCallback(() => {
    setSearch('');
    setHighlight(0);
  }, []);

  const remove = useCallback(async (key: string) => {
    const line = findLine(useCart.getState().ticket, key);
    if (!line) return;
    const amount = lineTotals(line).total;
    const approval = await requestApproval('line.remove', {
      summary: `${line.product.name} · ${lineQtyText(line)} · ${formatMoney(amount)}`,
      details: {
        productId: line.product.id,
        product: line.product.name,
        qty: line.qty,
        amount,
        ticket: useCart.getState().ticket.id,
      },
    });
    if (approval) useCart.getState().apply((tk) => removeLine(tk, key));
  }, []);

  async function clearTicket() {
    setConfirmClear(false);
    const tk = useCart.getState().ticket;
    const total = ticketTotals(tk).total;
    const approval = await requestApproval('sale.clear', {
      summary: `${p.lines(tk.lines.length)} · ${formatMoney(total)}`,
      details: {
        ticket: tk.id,
        lines: tk.lines.map((l) => ({ productId: l.product.id, qty: l.qty })),
        total,
      },
    });
    if (approval) cart().reset();
  }

  /**
   * After a sale the receipt goes to the printer without stopping the counter: where this window
   * has no printer, the done panel says so and «Ver / reimprimir» opens the preview. A preview
   * that opened by itself would take the focus and swallow the next customer's first scan.
   */
  async function print(saleId: string, reprint: boolean) {
    setPrintError(null);
    try {
      const r = await call('sales.print', { saleId, reprint });
      if (r.printed) {
        if (r.message) setPrintError(r.message);
      } else if (reprint) setReceipt(r.receipt);
      else setPrintError(r.message ?? t.receipt.notConnected);
    } catch (e) {
      setPrintError(errorMessage(e));
    }
  }

  function done(sale: Sale, expectedTotal: number) {
    setPaying(null);
    clearSearch();
    cart().finishSale(sale, expectedTotal);
    void print(sale.id, false);
  }

  function openPay(tender: Tender) {
    if (useCart.getState().ticket.lines.length > 0) setPaying(tender);
  }

  function onSearchChange(text: string) {
    const multiplier = parseMultiplier(text);
    if (multiplier !== null) {
      cart().setMultiplier(multiplier);
      clearSearch();
      return;
    }
    setSearch(text);
    setHighlight(0);
    if (useCart.getState().notFound) useCart.setState({ notFound: null });
  }

  function addHighlighted(index: number) {
    const item = items[index];
    if (!item) return;
    clearSearch();
    void cart().addById(item.id);
  }

  useCounterKeys(searchInput, {
    scan(code, at) {
      cart().scan(code, { startedAt: at });
    },
    enter() {
      const text = searchInput.current?.value.trim() ?? '';
      if (text === '') return;
      if (isWordQuery(text)) {
        if (query === text) addHighlighted(highlight);
        return;
      }
      const { multiplier, code } = splitMultipliedCode(text);
      clearSearch();
      cart().scan(code, multiplier !== null ? { multiplier } : {});
    },
    searchChanged: onSearchChange,
    arrow(direction) {
      if (items.length > 0) {
        setHighlight((h) => Math.min(Math.max(h + direction, 0), items.length - 1));
        return true;
      }
      const i = lines.findIndex((l) => l.key === selectedKey);
      const next = lines[Math.min(Math.max(i + direction, 0), lines.length - 1)];
      if (next) setPicked({ key: next.key, seq: ticket.seq });
      return next !== undefined;
    },
    fkey(key) {
      const tender = tenderForKey(key);
      if (tender) openPay(tender);
      else if (key === 'F8') openPay('efectivo');
      else if (key === 'F7' && selectedKey) setEditing(selectedKey);
      else if (key === 'F9' && selectedKey) void remove(selectedKey);
      // F1–F10 never reach the browser here: F5 would reload and F3 would open "find".
      return /^F([1-9]|10)$/.test(key);
    },
    escape() {
      const s = useCart.getState();
      if (search !== '') clearSearch();
      else if (s.ticket.multiplier !== null) s.setMultiplier(null);
      else if (s.notFound || s.message || costWarning) {
        useCart.setState({ notFound: null, message: null });
        setCostWarning(null);
      } else if (s.ticket.lines.length > 0) setConfirmClear(true);
      else if (s.lastSale) s.clearLastSale();
    },
    deleteKey() {
      if (selectedKey) void remove(selectedKey);
    },
  });

  const selectLine = useCallback(
    (key: string) => setPicked({ key, seq: ticket.seq }),
    [ticket.seq],
  );
  const editLine = useCallback((key: string) => setEditing(key), []);
  const removeLineCb = useCallback((key: string) => void remove(key), [remove]);
  const editingLine = editing ? findLine(ticket, editing) : undefined;

  return (
    <div className="pos" data-testid="pos-screen">
      <div className="pos-main">
        <div className="pos-search">
          <label className="field">
            <span className="sr-only">{p.search}</span>
            <input
              ref={searchInput}
              className={notFound ? 'scan-input input-error' : 'scan-input'}
              value={search}
              placeholder={p.search}
              onChange={(e) => onSearchChange(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              role="combobox"
              aria-expanded={items.length > 0}
              aria-controls="pos-results"
              aria-describedby="pos-hint"
              data-testid="pos-search"
            />
          </label>
          {ticket.multiplier !== null && (
            <span className="multiplier" data-testid="pos-multiplier" title={p.multiplierClear}>
              {p.multiplier(formatQuantity(ticket.multiplier, 'u').replace(/\s*u$/, ''))}
            </span>
          )}
          {pending > 0 && <span className="muted small">{p.looking}</span>}
          {items.length > 0 && (
            <ul
              className="result-list pos-results"
              id="pos-results"
              role="listbox"
              aria-label={p.results}
            >
              {items.map((item, i) => (
                <li key={item.id} role="option" aria-selected={i === highlight}>
                  <button
                    type="button"
                    tabIndex={-1}
                    className={i === highlight ? 'result active' : 'result'}
                    onClick={() => addHighlighted(i)}
                    data-testid="pos-result"
                  >
                    <span className="result-name">
                      {item.name}
                      {item.brand && <span className="muted"> · {item.brand}</span>}
                    </span>
                    <span className="result-stock muted">{item.barcode ?? item.sku ?? ''}</span>
                    <span className="result-price">
                      {formatMoney(item.price)}
                      {item.unit !== 'u' && <span className="muted"> / {item.unit}</span>}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {wordSearch && !results.loading && items.length === 0 && search.trim() !== '' && (
            <p className="muted small">{p.noResults}</p>
          )}
        </div>
        <p id="pos-hint" className="muted small">
          {p.searchHint}
        </p>
        {notFound && (
          <p
            key={notFound.n}
            className="error-box big-text flash"
            role="alert"
            data-testid="pos-not-found"
          >
            {p.notFound(notFound.code)}
          </p>
        )}
        {message && (
          <p className="error-box" role="alert" data-testid="pos-error">
            {message}
          </p>
        )}
        {costWarning && (
          <p
            key={costWarning.n}
            className="notice big-text flash"
            role="status"
            data-testid="pos-below-cost"
          >
            {costWarningText(costWarning.name, role)}
          </p>
        )}
        <CartTable
          lines={lines}
          lastKey={ticket.lastKey}
          selectedKey={selectedKey}
          onSelect={selectLine}
          onEdit={editLine}
          onRemove={removeLineCb}
        />
      </div>
      <SidePanel
        onPay={() => openPay('efectivo')}
        onReprint={(id) => void print(id, true)}
        printError={printError}
      />

      {paying && (
        <PaymentPanel initialTender={paying} onClose={() => setPaying(null)} onDone={done} />
      )}
      {editingLine && (
        <LineEditor line={editingLine} discountLimitBp={limitBp} onClose={() => setEditing(null)} />
      )}
      {confirmClear && (
        <Modal title={p.clearTitle} onClose={() => setConfirmClear(false)} testId="clear-confirm">
          <p>{p.clearQuestion(lines.length, formatMoney(ticketTotals(ticket).total))}</p>
          <div className="actions">
            <button
              type="button"
              className="btn danger big"
              onClick={() => void clearTicket()}
              data-testid="clear-confirm-yes"
            >
              {p.clearConfirm}
            </button>
            <button type="button" className="btn" autoFocus onClick={() => setConfirmClear(false)}>
              {p.keep}
            </button>
          </div>
        </Modal>
      )}
      {receipt && <ReceiptPreview receipt={receipt} onClose={() => setReceipt(null)} />}
    </div>
  );
}
