import { useState } from 'react';
import type {
  ApplyResult,
  Box,
  InvoiceCheck,
  InvoiceDetail,
  SupplierSettings,
} from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import type { FormMessage } from '../../lib/fields.tsx';
import { t } from '../../lib/strings.ts';
import { summarize } from './batch.ts';
import { useInvoiceBatch } from './batch-store.ts';
import { changedChoices, keepKnownNames, withPackSetting, type LineForm } from './line-form.ts';
import type { Errors } from './parse.ts';
import { formFromDetail, readForm, type HeaderForm, type ReviewForm } from './review-form.ts';
import type { SupplierHabits } from './SupplierToggles.tsx';

const r = t.invoices.review;

export type Confirm =
  | {
      kind: 'apply';
      locationId: string;
      failed: InvoiceCheck[];
      unmatched: number;
    }
  | { kind: 'discard' }
  | null;

/** State and actions of the review screen: edit, save (re-check), apply, discard. */
export function useReview(initial: InvoiceDetail) {
  const id = initial.id;
  const [detail, setDetail] = useState(initial);
  const [form, setForm] = useState<ReviewForm>(() => formFromDetail(initial));
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [habits, setHabits] = useState<SupplierHabits>({
    pricesIncludeIva: initial.supplier?.pricesIncludeIva ?? false,
    pricesPerPack: initial.supplier?.pricesPerPack ?? false,
  });
  const [focusBoxes, setFocusBoxes] = useState<Box[]>([]);
  const [result, setResult] = useState<ApplyResult | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const batch = useInvoiceBatch.getState();

  function setHeader(header: HeaderForm) {
    setForm((f) => ({ ...f, header }));
    setDirty(true);
  }

  function setLines(lines: LineForm[]) {
    setForm((f) => ({ ...f, lines }));
    setDirty(true);
  }

  function show(next: InvoiceDetail, previous: ReviewForm | null) {
    setDetail(next);
    const fresh = formFromDetail(next);
    setForm(previous ? { ...fresh, lines: keepKnownNames(fresh.lines, previous.lines) } : fresh);
    setDirty(false);
    if (next.supplier) {
      setHabits({
        pricesIncludeIva: next.supplier.pricesIncludeIva,
        pricesPerPack: next.supplier.pricesPerPack,
      });
    }
  }

  /** Saves the edits; the core checks the invoice again. The saved invoice, or null. */
  async function save(): Promise<InvoiceDetail | null> {
    const read = readForm(form);
    if (!read.ok) {
      setErrors(read.errors);
      setMessage({ ok: false, text: r.fixErrors });
      return null;
    }
    setErrors({});
    setMessage(null);
    setBusy(true);
    try {
      const saved = await call('invoices.save', { id, data: read.data, lines: read.lines });
      show(saved, form);
      setMessage({ ok: true, text: r.saved });
      batch.invoiceChanged(summarize(saved));
      return saved;
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
      return null;
    } finally {
      setBusy(false);
    }
  }

  /**
   * Applies the invoice just saved. Only the owner's choices go again: for the other lines the
   * core keeps the product it stored on that save.
   */
  async function apply(locationId: string) {
    setConfirm(null);
    setBusy(true);
    setMessage(null);
    try {
      const applied = await call('invoices.apply', {
        id,
        locationId,
        lines: changedChoices(form.lines),
      });
      setResult(applied);
      const fresh = await call('invoices.get', { id });
      show(fresh, form);
      batch.invoiceChanged(summarize(fresh));
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  /** Save first (so the checks are current), then apply, asking when something looks wrong. */
  async function requestApply(locationId: string) {
    const saved = await save();
    if (!saved) return;
    const failed = saved.checks.filter((c) => !c.ok);
    if (failed.some((c) => c.code === 'duplicate')) {
      setMessage({ ok: false, text: r.duplicateBlocks });
      return;
    }
    const unmatched = saved.lines.filter((l) => l.productId === null).length;
    if (failed.length > 0 || unmatched > 0) {
      setConfirm({ kind: 'apply', locationId, failed, unmatched });
      return;
    }
    await apply(locationId);
  }

  async function discard() {
    setConfirm(null);
    setBusy(true);
    setMessage(null);
    try {
      await call('invoices.discard', { id });
      const fresh = await call('invoices.get', { id });
      show(fresh, null);
      setMessage({ ok: true, text: r.discarded });
      batch.invoiceDiscarded(id);
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  /** The supplier's habits were saved: the lines follow them (pack units, IVA estimate). */
  function supplierSaved(settings: SupplierSettings) {
    const packChanged = settings.pricesPerPack !== habits.pricesPerPack;
    setHabits({
      pricesIncludeIva: settings.pricesIncludeIva,
      pricesPerPack: settings.pricesPerPack,
    });
    setForm((f) => ({
      ...f,
      lines: packChanged
        ? withPackSetting(f.lines, settings.pricesPerPack)
        : f.lines.map((l) => ({ ...l, dirty: true })),
    }));
    setDirty(true);
  }

  return {
    detail,
    form,
    errors,
    message,
    busy,
    dirty,
    habits,
    focusBoxes,
    result,
    confirm,
    setHeader,
    setLines,
    setFocusBoxes,
    setConfirm,
    save,
    requestApply,
    apply,
    discard,
    supplierSaved,
  };
}
