import { useState, type FormEvent } from 'react';
import type { Customer } from '../../../shared/contract/index.ts';
import { parseMoney } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatMoney, moneyInput, readAmountAndReason } from '../../lib/format.ts';
import { useFormSubmit } from '../../lib/hooks.ts';
import { TENDER_LABEL, t } from '../../lib/strings.ts';
import {
  FormResult,
  MoneyField,
  SelectField,
  SubmitActions,
  TextField,
  type FormMessage as Message,
} from '../../lib/fields.tsx';
import { requestApproval } from '../pos/approval.ts';

const cu = t.customers;

type Field = readonly [string, (value: string) => void];

/**
 * Name, document, phone and credit limit: the same four inputs when creating and when
 * editing a customer, told apart by the test-id prefix. `limitHint` goes under the limit.
 */
export function CustomerFields({
  testPrefix,
  name,
  document,
  phone,
  limit,
  limitPlaceholder,
  limitHint,
}: {
  testPrefix: string;
  name: Field;
  document: Field;
  phone: Field;
  limit: Field;
  limitPlaceholder?: string;
  limitHint?: string;
}) {
  return (
    <>
      <TextField
        label={cu.name}
        value={name[0]}
        onChange={name[1]}
        maxLength={120}
        testId={`${testPrefix}-name`}
      />
      <TextField
        label={cu.document}
        value={document[0]}
        onChange={document[1]}
        maxLength={20}
        testId={`${testPrefix}-document`}
      />
      <TextField
        label={cu.phone}
        value={phone[0]}
        onChange={phone[1]}
        maxLength={40}
        testId={`${testPrefix}-phone`}
      />
      <MoneyField
        label={cu.limit}
        value={limit[0]}
        onChange={limit[1]}
        placeholder={limitPlaceholder}
        testId={`${testPrefix}-limit`}
      >
        {limitHint !== undefined && <small className="muted">{limitHint}</small>}
      </MoneyField>
    </>
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
      <CustomerFields
        testPrefix="customer-edit"
        name={[name, setName]}
        document={[document, setDocument]}
        phone={[phone, setPhone]}
        limit={[limit, setLimit]}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          data-testid="customer-edit-active"
        />
        {cu.active}
      </label>
      <FormResult message={message} testId="customer-edit-result" />
      <SubmitActions label={t.save} testId="customer-edit-submit" />
    </form>
  );
}

const PAY_TENDERS = ['efectivo', 'debito', 'credito', 'transferencia'] as const;
type PayTender = (typeof PAY_TENDERS)[number];

export function CustomerPayment({ customer, onDone }: { customer: Customer; onDone(): void }) {
  const [amount, setAmount] = useState('');
  const [tender, setTender] = useState<PayTender>('efectivo');
  const [note, setNote] = useState('');
  const { message, busy, run, succeed, clear } = useFormSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    await run(async () => {
      const cents = parseMoney(amount);
      await call('customers.payment', {
        customerId: customer.id,
        amount: cents,
        tender,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      succeed(cu.paid(formatMoney(cents)));
      setAmount('');
      setNote('');
      onDone();
    });
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label={cu.payment}>
      <h3 className="span-all">{cu.payment}</h3>
      <MoneyField
        label={cu.payAmount}
        value={amount}
        onChange={setAmount}
        placeholder={customer.balance > 0 ? moneyInput(customer.balance) : ''}
        testId="customer-pay-amount"
      />
      <SelectField
        label={cu.payTender}
        value={tender}
        onChange={setTender}
        options={PAY_TENDERS.map((x) => ({ value: x, label: TENDER_LABEL[x] }))}
        testId="customer-pay-tender"
      />
      <TextField
        label={cu.payNote}
        value={note}
        onChange={setNote}
        maxLength={200}
        testId="customer-pay-note"
      />
      <FormResult message={message} testId="customer-pay-result" />
      <SubmitActions label={cu.paySubmit} disabled={busy} testId="customer-pay-submit" />
    </form>
  );
}

export function CustomerAdjust({ customer, onDone }: { customer: Customer; onDone(): void }) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const { message, busy, run, fail, succeed, clear } = useFormSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    // parseMoney takes the sign: «-500» lowers the balance.
    const read = readAmountAndReason(amount, reason, t.move.reasonRequired);
    if (!read.ok) return fail(read.message);
    const { cents } = read;
    await run(async () => {
      const approval = await requestApproval('customer.adjust', {
        summary: `${customer.name}: ${formatMoney(cents)}`,
        reason: read.reason,
        details: { customerId: customer.id, amount: cents },
      });
      if (!approval) return;
      await call('customers.adjust', {
        customerId: customer.id,
        amount: cents,
        reason: read.reason,
        approvalId: approval.id,
      });
      succeed(cu.adjusted);
      setAmount('');
      setReason('');
      onDone();
    });
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label={cu.adjust}>
      <h3 className="span-all">{cu.adjust}</h3>
      <TextField
        label={cu.adjustAmount}
        value={amount}
        onChange={setAmount}
        testId="customer-adjust-amount"
      />
      <TextField
        label={cu.adjustReason}
        value={reason}
        onChange={setReason}
        maxLength={200}
        testId="customer-adjust-reason"
      />
      <FormResult message={message} testId="customer-adjust-result" />
      <SubmitActions
        label={cu.adjustSubmit}
        plain
        disabled={busy}
        testId="customer-adjust-submit"
      />
    </form>
  );
}
