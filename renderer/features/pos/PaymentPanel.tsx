import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { TENDERS, type Sale, type Tender } from '../../../shared/contract/index.ts';
import { parseMoney } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatMoney } from '../../lib/format.ts';
import { TENDER_KEY, TENDER_LABEL, t } from '../../lib/strings.ts';
import { useCart } from '../../stores/cart.ts';
import { setCustomer, ticketTotals } from '../../stores/ticket.ts';
import { buildCommitInput, classifyCommitError, type CommitFailure } from './checkout.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { inTopModal, Modal } from './Modal.tsx';
import { FailureBox, PaymentList } from './PayParts.tsx';
import { askSaleApprovals } from './sale-approvals.ts';
import {
  allCash,
  changeFor,
  fiadoOverLimit,
  leftToPay,
  makeEntry,
  type PaymentEntry,
} from './payment.ts';

const p = t.pay;

const FKEY_TENDER: Readonly<Record<string, Tender>> = Object.fromEntries(
  TENDERS.map((tender) => [TENDER_KEY[tender], tender]),
);

export function tenderForKey(key: string): Tender | undefined {
  return FKEY_TENDER[key];
}

function parseOptionalMoney(text: string): number | null {
  return text.trim() === '' ? null : parseMoney(text);
}

export function PaymentPanel({
  initialTender,
  onClose,
  onDone,
}: {
  initialTender: Tender;
  onClose(): void;
  onDone(sale: Sale, expectedTotal: number): void;
}) {
  const ticket = useCart((s) => s.ticket);
  const step = useCart((s) => s.settings?.cashRoundingStep ?? 0);
  const apply = useCart((s) => s.apply);
  const setDrawer = useCart((s) => s.setDrawer);
  const [tender, setTender] = useState<Tender>(initialTender);
  const [amount, setAmount] = useState('');
  const [tendered, setTendered] = useState('');
  const [reference, setReference] = useState('');
  const [payments, setPayments] = useState<PaymentEntry[]>([]);
  const [roundChoice, setRoundChoice] = useState(true);
  const [failure, setFailure] = useState<CommitFailure | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Fiado (F6) starts by asking who: nothing else can happen without the customer.
  const [picking, setPicking] = useState(
    () => initialTender === 'cuenta_corriente' && useCart.getState().ticket.customer === null,
  );
  const [fiadoApproval, setFiadoApproval] = useState<string | null>(null);
  const amountInput = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const roundToCash = step > 0 && roundChoice && allCash(payments, tender);
  const totals = ticketTotals(ticket, { roundToCash, roundingStep: step });
  const left = leftToPay(totals.total, payments);

  // Live change while the cashier types what the customer handed over.
  let preview: PaymentEntry | null = null;
  try {
    const typed = parseOptionalMoney(amount);
    const typedTendered = tender === 'efectivo' ? parseOptionalMoney(tendered) : null;
    if (left > 0 && (typed !== null || typedTendered !== null)) {
      const r = makeEntry({ tender, amount: typed, tendered: typedTendered, reference }, left);
      if (r.ok) preview = r.entry;
    }
  } catch {
    preview = null;
  }
  const change = changeFor(preview ? [...payments, preview] : payments);

  useEffect(() => {
    if (picking) return;
    if (left > 0) amountInput.current?.focus();
    else confirmButton.current?.focus();
  }, [tender, left, picking]);

  // F-keys reach the panel wherever the focus is, unless a dialog sits on top of it.
  const keys = useRef<(e: globalThis.KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    keys.current = (e) => {
      if (!inTopModal(confirmButton.current)) return;
      const picked = tenderForKey(e.key);
      if (picked) {
        e.preventDefault();
        pickTender(picked);
      } else if (e.key === 'F8') {
        e.preventDefault();
        void finish();
      }
    };
  });
  useEffect(() => {
    // The key that opened the panel must not also press "Terminar venta".
    const openedAt = performance.now();
    const listener = (e: globalThis.KeyboardEvent) => {
      if (e.timeStamp > openedAt) keys.current(e);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  function pickTender(next: Tender) {
    setTender(next);
    setError(null);
    if (next === 'cuenta_corriente' && !ticket.customer) setPicking(true);
  }

  /** Adds what is typed; returns the new list, or null (error shown). */
  function addCurrent(): PaymentEntry[] | null {
    setError(null);
    let typed: number | null;
    let typedTendered: number | null;
    try {
      typed = parseOptionalMoney(amount);
      typedTendered = tender === 'efectivo' ? parseOptionalMoney(tendered) : null;
    } catch (e) {
      setError(errorMessage(e));
      return null;
    }
    const r = makeEntry({ tender, amount: typed, tendered: typedTendered, reference }, left);
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    const list = [...payments, r.entry];
    setPayments(list);
    setAmount('');
    setTendered('');
    setReference('');
    return list;
  }

  async function commit(list: PaymentEntry[], confirmBelowCost: boolean, extra: string[]) {
    setBusy(true);
    setFailure(null);
    const cashOnly = allCash(list, null);
    const round = step > 0 && roundChoice && cashOnly;
    const expected = ticketTotals(ticket, { roundToCash: round, roundingStep: step }).total;
    try {
      const sale = await call(
        'sales.commit',
        buildCommitInput(ticket, list, {
          roundToCash: round,
          confirmBelowCost,
          extraApprovalIds: extra,
        }),
      );
      onDone(sale, expected);
    } catch (e) {
      const f = classifyCommitError(e, ticket);
      if (f.kind === 'no_session') setDrawer(null);
      setFailure(f);
      setBusy(false);
    }
  }

  async function finish(confirmBelowCost = false) {
    if (busy) return;
    let list = payments;
    if (left > 0) {
      const added = addCurrent();
      if (!added) return;
      list = added;
    }
    const round = step > 0 && roundChoice && allCash(list, null);
    const total = ticketTotals(ticket, { roundToCash: round, roundingStep: step }).total;
    if (leftToPay(total, list) !== 0) return setError(p.notCovered);
    if (list.some((x) => x.tender === 'cuenta_corriente') && !ticket.customer) {
      setPicking(true);
      return setError(p.needCustomer);
    }
    // A cashier confirming a sale below cost brings the supervisor's PIN; cancelled, nothing moves.
    const extra = await askSaleApprovals({
      ticket,
      payments: list,
      fiadoApproval,
      onFiadoApproval: setFiadoApproval,
      belowCost: confirmBelowCost && failure?.kind === 'below_cost' ? failure : null,
    });
    if (extra === null) return;
    await commit(list, confirmBelowCost, extra);
  }

  function onFieldEnter(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (left > 0) addCurrent();
    else void finish();
  }

  const customer = ticket.customer;
  return (
    <>
      <Modal title={p.title} onClose={onClose} testId="pay-panel" wide>
        <div className="pay">
          <div className="pay-summary">
            <div>
              <span className="muted">{p.total}</span>
              <strong className="pay-total" data-testid="pay-total">
                {formatMoney(totals.total)}
              </strong>
              {totals.rounding !== 0 && (
                <span className="muted small">
                  {p.rounding}: {formatMoney(totals.rounding)}
                </span>
              )}
            </div>
            <div>
              <span className="muted">{p.left}</span>
              <strong className={left > 0 ? 'pay-left due' : 'pay-left'} data-testid="pay-left">
                {formatMoney(Math.max(left, 0))}
              </strong>
            </div>
            <div>
              <span className="muted">{p.change}</span>
              <strong className="pay-change" data-testid="pay-change">
                {formatMoney(change)}
              </strong>
            </div>
          </div>

          <div className="tender-grid" role="group" aria-label={p.title}>
            {TENDERS.map((x) => (
              <button
                key={x}
                type="button"
                className={x === tender ? 'btn tender active' : 'btn tender'}
                aria-pressed={x === tender}
                aria-keyshortcuts={TENDER_KEY[x]}
                onClick={() => pickTender(x)}
                data-testid={`pay-tender-${x}`}
              >
                <kbd>{TENDER_KEY[x]}</kbd> {TENDER_LABEL[x]}
              </button>
            ))}
          </div>

          {step > 0 && allCash(payments, tender) && (
            <label className="check">
              <input
                type="checkbox"
                checked={roundChoice}
                onChange={(e) => setRoundChoice(e.target.checked)}
                data-testid="pay-round"
              />
              {p.roundToCash(formatMoney(step))}
            </label>
          )}

          <div className="pay-entry">
            <label className="field">
              <span>
                {p.amount} · {TENDER_LABEL[tender]}
              </span>
              <input
                ref={amountInput}
                className="pay-input"
                value={amount}
                placeholder={formatMoney(Math.max(left, 0))}
                onChange={(e) => setAmount(e.target.value)}
                onKeyDown={onFieldEnter}
                inputMode="decimal"
                autoComplete="off"
                disabled={left <= 0}
                data-testid="pay-amount"
              />
            </label>
            {tender === 'efectivo' ? (
              <label className="field">
                <span>{p.tendered}</span>
                <input
                  className="pay-input"
                  value={tendered}
                  onChange={(e) => setTendered(e.target.value)}
                  onKeyDown={onFieldEnter}
                  inputMode="decimal"
                  autoComplete="off"
                  disabled={left <= 0}
                  data-testid="pay-tendered"
                />
              </label>
            ) : tender !== 'cuenta_corriente' ? (
              <label className="field">
                <span>{p.reference}</span>
                <input
                  value={reference}
                  onChange={(e) => setReference(e.target.value)}
                  onKeyDown={onFieldEnter}
                  maxLength={80}
                  autoComplete="off"
                  data-testid="pay-reference"
                />
              </label>
            ) : null}
            <button
              type="button"
              className="btn"
              onClick={() => addCurrent()}
              disabled={left <= 0}
              data-testid="pay-add"
            >
              {p.add}
            </button>
          </div>
          {tender === 'efectivo' && left > 0 && <p className="muted small">{p.tenderedHint}</p>}

          <div className="pay-customer-row">
            <span className="muted">{p.customer}:</span>
            <strong data-testid="pay-customer-name">{customer?.name ?? p.noCustomer}</strong>
            {customer && (
              <span className="muted small">
                {p.balance(formatMoney(customer.balance), formatMoney(customer.creditLimit))}
              </span>
            )}
            <button
              type="button"
              className="btn small"
              onClick={() => setPicking(true)}
              data-testid="pay-customer"
            >
              {customer ? p.changeCustomer : p.pickCustomer}
            </button>
          </div>
          {fiadoOverLimit(customer, preview ? [...payments, preview] : payments) && (
            <p className="notice">{p.overLimit}</p>
          )}

          <PaymentList
            payments={payments}
            onRemove={(i) => setPayments(payments.filter((_, j) => j !== i))}
          />

          {error && (
            <p className="error-box" role="alert" data-testid="pay-error">
              {error}
            </p>
          )}
          <FailureBox failure={failure} onSellAnyway={() => void finish(true)} busy={busy} />

          <div className="actions pay-actions">
            <button
              ref={confirmButton}
              type="button"
              className="btn primary big"
              onClick={() => void finish()}
              disabled={busy}
              data-testid="pay-confirm"
            >
              {busy ? p.confirming : failure?.kind === 'network' ? p.retry : p.confirm}
            </button>
            <button type="button" className="btn link" onClick={onClose}>
              {t.back}
            </button>
          </div>
          <p className="muted small">{p.keysHint}</p>
        </div>
      </Modal>
      {picking && (
        <CustomerPicker
          onClose={() => setPicking(false)}
          onPick={(c) => {
            apply((tk) =>
              setCustomer(
                tk,
                c && { id: c.id, name: c.name, balance: c.balance, creditLimit: c.creditLimit },
              ),
            );
            setFiadoApproval(null);
            setPicking(false);
          }}
        />
      )}
    </>
  );
}
