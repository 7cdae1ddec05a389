import { useState, type FormEvent } from 'react';
import type { Customer } from '../../../shared/contract/index.ts';
import { parseMoney } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatMoney, moneyInput } from '../../lib/format.ts';
import { TENDER_LABEL, t } from '../../lib/strings.ts';
import { requestApproval } from '../pos/approval.ts';

const cu = t.customers;
type Message = { ok: boolean; text: string } | null;

function Result({ message, testId }: { message: Message; testId: string }) {
  if (!message) return null;
  return (
    <p
      className={message.ok ? 'ok-box' : 'error-box'}
      role={message.ok ? 'status' : 'alert'}
      data-testid={testId}
    >
      {message.text}
    </p>
  );
}

export function EditCustomer({
  customer,
  onSaved,
}: {
  customer: Customer;
  onSaved(c: Customer): void;
}) {
  const [name, setName] = useState(customer.name);
  const [document, setDocument] = useState(customer.document ?? '');
  const [phone, setPhone] = useState(customer.phone ?? '');
  const [limit, setLimit] = useState(moneyInput(customer.creditLimit));
  const [active, setActive] = useState(customer.active);
  const [message, setMessage] = useState<Message>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    try {
      const saved = await call('customers.update', {
        id: customer.id,
        name: name.trim(),
        document: document.trim() || null,
        phone: phone.trim() || null,
        creditLimit: limit.trim() === '' ? 0 : parseMoney(limit),
        active,
      });
      setMessage({ ok: true, text: cu.saved });
      onSaved(saved);
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label={cu.edit}>
      <h3 className="span-all">{cu.edit}</h3>
      <label className="field">
        <span>{cu.name}</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
          data-testid="customer-edit-name"
        />
      </label>
      <label className="field">
        <span>{cu.document}</span>
        <input
          value={document}
          onChange={(e) => setDocument(e.target.value)}
          maxLength={20}
          data-testid="customer-edit-document"
        />
      </label>
      <label className="field">
        <span>{cu.phone}</span>
        <input
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          maxLength={40}
          data-testid="customer-edit-phone"
        />
      </label>
      <label className="field">
        <span>{cu.limit}</span>
        <input
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
          inputMode="decimal"
          data-testid="customer-edit-limit"
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          data-testid="customer-edit-active"
        />
        {cu.active}
      </label>
      <Result message={message} testId="customer-edit-result" />
      <div className="actions">
        <button type="submit" className="btn primary" data-testid="customer-edit-submit">
          {t.save}
        </button>
      </div>
    </form>
  );
}

const PAY_TENDERS = ['efectivo', 'debito', 'credito', 'transferencia'] as const;
type PayTender = (typeof PAY_TENDERS)[number];

export function CustomerPayment({ customer, onDone }: { customer: Customer; onDone(): void }) {
  const [amount, setAmount] = useState('');
  const [tender, setTender] = useState<PayTender>('efectivo');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setBusy(true);
    try {
      const cents = parseMoney(amount);
      await call('customers.payment', {
        customerId: customer.id,
        amount: cents,
        tender,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setMessage({ ok: true, text: cu.paid(formatMoney(cents)) });
      setAmount('');
      setNote('');
      onDone();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label={cu.payment}>
      <h3 className="span-all">{cu.payment}</h3>
      <label className="field">
        <span>{cu.payAmount}</span>
        <input
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          inputMode="decimal"
          placeholder={customer.balance > 0 ? moneyInput(customer.balance) : ''}
          data-testid="customer-pay-amount"
        />
      </label>
      <label className="field">
        <span>{cu.payTender}</span>
        <select
          value={tender}
          onChange={(e) => setTender(e.target.value as PayTender)}
          data-testid="customer-pay-tender"
        >
          {PAY_TENDERS.map((x) => (
            <option key={x} value={x}>
              {TENDER_LABEL[x]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{cu.payNote}</span>
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={200}
          data-testid="customer-pay-note"
        />
      </label>
      <Result message={message} testId="customer-pay-result" />
      <div className="actions">
        <button
          type="submit"
          className="btn primary"
          disabled={busy}
          data-testid="customer-pay-submit"
        >
          {cu.paySubmit}
        </button>
      </div>
    </form>
  );
}

function parseSignedMoney(text: string): number {
  const s = text.trim();
  return s.startsWith('-') ? -parseMoney(s.slice(1)) : parseMoney(s);
}

export function CustomerAdjust({ customer, onDone }: { customer: Customer; onDone(): void }) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    let cents: number;
    try {
      cents = parseSignedMoney(amount);
    } catch (err) {
      return setMessage({ ok: false, text: errorMessage(err) });
    }
    if (reason.trim() === '') return setMessage({ ok: false, text: t.move.reasonRequired });
    setBusy(true);
    try {
      const approval = await requestApproval('customer.adjust', {
        summary: `${customer.name}: ${formatMoney(cents)}`,
        reason: reason.trim(),
        details: { customerId: customer.id, amount: cents },
      });
      if (!approval) return;
      await call('customers.adjust', {
        customerId: customer.id,
        amount: cents,
        reason: reason.trim(),
        approvalId: approval.id,
      });
      setMessage({ ok: true, text: cu.adjusted });
      setAmount('');
      setReason('');
      onDone();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label={cu.adjust}>
      <h3 className="span-all">{cu.adjust}</h3>
      <label className="field">
        <span>{cu.adjustAmount}</span>
        <input
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="customer-adjust-amount"
        />
      </label>
      <label className="field">
        <span>{cu.adjustReason}</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          data-testid="customer-adjust-reason"
        />
      </label>
      <Result message={message} testId="customer-adjust-result" />
      <div className="actions">
        <button type="submit" className="btn" disabled={busy} data-testid="customer-adjust-submit">
          {cu.adjustSubmit}
        </button>
      </div>
    </form>
  );
}
