import { useState, type FormEvent } from 'react';
import type { Approval, ApprovalAction } from '../../../shared/contract/index.ts';
import { formatMoney, parseMoney, parseQuantity } from '../../../shared/domain/money.ts';
import { errorMessage } from '../../lib/api.ts';
import { moneyInput, quantityPlain } from '../../lib/format.ts';
import { t } from '../../lib/strings.ts';
import { useCart } from '../../stores/cart.ts';
import { useSession } from '../../stores/session.ts';
import {
  discountNeedsApproval,
  formatPercentBp,
  lineQtyText,
  overridePrice,
  parsePercentBp,
  setDiscount,
  setQty,
  type CartLine,
} from '../../stores/ticket.ts';
import { requestApproval } from './approval.ts';
import { Modal } from './Modal.tsx';

const p = t.pos;

/** Quantity, discount and price of one line; each change that needs a supervisor asks for one. */
export function LineEditor({
  line,
  discountLimitBp,
  onClose,
}: {
  line: CartLine;
  discountLimitBp: number;
  onClose(): void;
}) {
  const role = useSession((s) => s.session?.user?.role ?? null);
  const apply = useCart((s) => s.apply);
  const [qty, setQtyText] = useState(quantityPlain(line.qty, line.product.unit));
  const [discount, setDiscountText] = useState(
    line.discountBp === 0 ? '' : formatPercentBp(line.discountBp).replace(' %', ''),
  );
  const [price, setPrice] = useState(moneyInput(line.unitPrice));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    let newQty: number;
    let newPrice: number;
    try {
      newQty = line.fromLabel ? line.qty : parseQuantity(qty, line.product.unit);
      newPrice = parseMoney(price);
    } catch (err) {
      return setError(errorMessage(err));
    }
    const newDiscount = parsePercentBp(discount);
    if (newDiscount === null) return setError(t.pos.discountPct);
    if (newQty <= 0) return setError(t.move.positive);

    const base = { productId: line.product.id, product: line.product.name };
    const asks: { action: ApprovalAction; summary: string; details: Record<string, unknown> }[] =
      [];
    if (newQty < line.qty) {
      asks.push({
        action: 'line.remove',
        summary: `${line.product.name}: ${lineQtyText(line)} → ${quantityPlain(newQty, line.product.unit)} ${line.product.unit}`,
        details: { ...base, fromQty: line.qty, toQty: newQty },
      });
    }
    if (newPrice !== line.unitPrice && newPrice !== line.listPrice) {
      asks.push({
        action: 'price.override',
        summary: `${line.product.name}: ${formatMoney(line.listPrice)} → ${formatMoney(newPrice)}`,
        details: { ...base, listPrice: line.listPrice, unitPrice: newPrice },
      });
    }
    if (
      newDiscount !== line.discountBp &&
      discountNeedsApproval(newDiscount, discountLimitBp, role)
    ) {
      asks.push({
        action: 'discount',
        summary: `${line.product.name}: ${formatPercentBp(newDiscount)}`,
        details: { ...base, discountBp: newDiscount, limitBp: discountLimitBp },
      });
    }

    setBusy(true);
    const granted = new Map<ApprovalAction, Approval>();
    for (const ask of asks) {
      const approval = await requestApproval(ask.action, {
        summary: ask.summary,
        details: ask.details,
      });
      if (!approval) {
        setBusy(false);
        return;
      }
      granted.set(ask.action, approval);
    }
    const ok = apply((tk) => {
      let next = setQty(tk, line.key, newQty);
      if (newPrice !== line.unitPrice) {
        next = overridePrice(next, line.key, newPrice, granted.get('price.override')?.id ?? null);
      }
      if (newDiscount !== line.discountBp) {
        next = setDiscount(next, line.key, newDiscount, granted.get('discount')?.id ?? null);
      }
      return next;
    });
    setBusy(false);
    if (ok) onClose();
    else setError(useCart.getState().message);
  }

  return (
    <Modal title={p.editTitle(line.product.name)} onClose={onClose} testId="line-editor">
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{p.qty(line.product.unit)}</span>
          <input
            value={qty}
            onChange={(e) => setQtyText(e.target.value)}
            inputMode="decimal"
            disabled={line.fromLabel}
            autoFocus={!line.fromLabel}
            onFocus={(e) => e.target.select()}
            data-testid="line-qty"
          />
        </label>
        {line.fromLabel && <p className="muted small">{p.scaleQty}</p>}
        <label className="field">
          <span>{p.discountPct}</span>
          <input
            value={discount}
            onChange={(e) => setDiscountText(e.target.value)}
            inputMode="decimal"
            autoFocus={line.fromLabel}
            onFocus={(e) => e.target.select()}
            data-testid="line-discount"
          />
          <small className="muted">{p.discountHint(formatPercentBp(discountLimitBp))}</small>
        </label>
        <label className="field">
          <span>{p.price}</span>
          <input
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            disabled={line.labelPrice !== null}
            inputMode="decimal"
            onFocus={(e) => e.target.select()}
            data-testid="line-price"
          />
          <small className="muted">
            {t.pos.listPrice(formatMoney(line.listPrice))} · {p.priceHint}
          </small>
        </label>
        <p className="muted small">{p.qtyLower}</p>
        {error && (
          <p className="error-box" role="alert" data-testid="line-error">
            {error}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="btn primary big"
            disabled={busy}
            data-testid="line-apply"
          >
            {p.apply}
          </button>
          <button type="button" className="btn link" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
