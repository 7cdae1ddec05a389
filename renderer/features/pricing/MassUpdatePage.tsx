import { useMemo, useState } from 'react';
import type {
  PriceApplyResult,
  PriceBatch,
  PriceChangeMode,
  PricePreview,
  PriceUndoResult,
} from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { ErrorBox, TextField } from '../../lib/fields.tsx';
import { formatInteger } from '../../lib/format.ts';
import { useAction, useAppEvent, useQuery } from '../../lib/hooks.ts';
import { navigate } from '../../lib/route.ts';
import { pricingStrings } from '../../lib/strings-pricing.ts';
import { useCan } from '../../stores/session.ts';
import { BatchList } from './BatchList.tsx';
import {
  batchMode,
  changesToApply,
  defaultDescription,
  previewTotals,
  scopeName,
} from './mass-update.ts';
import {
  DEFAULT_MODE_FORM,
  EMPTY_SELECTION_FORM,
  ModeFields,
  SelectionFields,
  type ModeForm,
  type SelectionForm,
} from './MassUpdateFields.tsx';
import { parsePercentChange } from './percent-text.ts';
import { PreviewTable } from './PreviewTable.tsx';
import { ConfirmModal } from '../pos/Modal.tsx';
import { pricingHash } from './pricing-routes.ts';
import { usePricingHandoff } from './pricing-store.ts';
import { selectionOfFilters } from './selection.ts';
import { scopeNames, useScopeLists } from './SelectionFilters.tsx';

const m = pricingStrings.mass;

type Outcome = { kind: 'applied'; r: PriceApplyResult } | { kind: 'undone'; r: PriceUndoResult };
type Preview = { key: string; mode: PriceChangeMode; data: PricePreview };

/** What came of the last apply or undo, with the next steps it allows. */
function OutcomeBox({
  outcome,
  canUndo,
  onLabels,
  onUndo,
}: {
  outcome: Outcome;
  canUndo: boolean;
  onLabels(batchId: string): void;
  onUndo(batch: PriceBatch): void;
}) {
  const { r } = outcome;
  return (
    <div className="ok-box stack" role="status" data-testid="mass-outcome">
      {outcome.kind === 'applied' ? (
        <p data-testid="mass-applied">
          {m.applied(outcome.r.changed, formatInteger(outcome.r.changed), r.batch.description)}
        </p>
      ) : (
        <>
          <p data-testid="mass-undone">
            {m.undone(outcome.r.restored, formatInteger(outcome.r.restored))}
          </p>
          {outcome.r.skipped.length > 0 && (
            <p data-testid="mass-skipped">
              {m.skipped(outcome.r.skipped.length, outcome.r.skipped.map((x) => x.name).join(', '))}
            </p>
          )}
        </>
      )}
      <div className="actions">
        {r.batch.count > 0 && (
          <button
            type="button"
            className="btn"
            onClick={() => onLabels(r.batch.id)}
            data-testid="mass-print-labels"
          >
            {m.printLabels}
          </button>
        )}
        {outcome.kind === 'applied' && canUndo && (
          <button
            type="button"
            className="btn danger"
            onClick={() => onUndo(r.batch)}
            data-testid="mass-undo"
          >
            {m.undo}
          </button>
        )}
      </div>
    </div>
  );
}

/** Actualización masiva: choose products and a mode, preview every price, apply or undo. */
export function MassUpdatePage() {
  const canWrite = useCan('pricing.write');
  const pending = usePricingHandoff((st) => st.pending);
  const choose = usePricingHandoff((st) => st.choose);
  const printBatch = usePricingHandoff((st) => st.printBatch);
  const lists = useScopeLists();
  const batches = useQuery('pricing.batches', { limit: 20 });
  const action = useAction();
  const [selForm, setSelForm] = useState<SelectionForm>(EMPTY_SELECTION_FORM);
  const [modeForm, setModeForm] = useState<ModeForm>(DEFAULT_MODE_FORM);
  const [description, setDescription] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [confirm, setConfirm] = useState<{ kind: 'apply' } | { kind: 'undo'; batch: PriceBatch }>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useAppEvent('catalog.changed', batches.reload);

  const words = selForm.text.trim();
  const { categoryId, supplierCuit, suggestedOnly } = selForm;
  const selection = useMemo(
    () =>
      pending
        ? pending.selection
        : selectionOfFilters({
            categoryId,
            supplierCuit,
            query: words,
            onlySuggested: suggestedOnly,
          }),
    [pending, categoryId, supplierCuit, words, suggestedOnly],
  );
  const percent = modeForm.kind === 'percent' ? parsePercentChange(modeForm.percentText) : null;
  const mode: PriceChangeMode | null =
    modeForm.kind === 'target'
      ? { kind: 'target' }
      : percent?.ok
        ? { kind: 'percent', percentBp: percent.bp, rounding: modeForm.rounding }
        : null;
  // A selection from Sugerencias may hold thousands of ids: serialised once, not per keystroke.
  const modeKey = JSON.stringify(mode);
  const requestKey = useMemo(() => `${JSON.stringify(selection)}|${modeKey}`, [selection, modeKey]);
  const names = scopeNames(lists, categoryId, supplierCuit);
  // The suggestions ticked by hand are «Sugeridos <día>»; a percent over them says how many.
  const scope = pending
    ? mode?.kind === 'percent'
      ? scopeName({ chosen: pending.count })
      : null
    : scopeName({ ...names, query: words });
  const autoDescription = mode ? defaultDescription(mode, scope, Date.now()) : '';
  const finalDescription = (description ?? autoDescription).trim();
  const current = preview && preview.key === requestKey ? preview : null;
  const totals = current ? previewTotals(current.data.rows, excluded) : null;

  async function runPreview() {
    if (!mode) return;
    const data = await action.run(() => call('pricing.preview', { selection, mode }));
    if (!data) return;
    setPreview({ key: requestKey, mode, data });
    setExcluded(new Set(pending?.excluded ?? []));
    setOutcome(null);
  }

  async function apply() {
    if (!current) return;
    const changes = changesToApply(current.data.rows, excluded);
    setConfirm(undefined);
    const r = await action.run(() =>
      call('pricing.apply', {
        description: finalDescription,
        mode: batchMode(current.mode),
        changes,
      }),
    );
    if (!r) return;
    setOutcome({ kind: 'applied', r });
    setPreview(null);
    setDescription(null);
    choose(null);
    batches.reload();
  }

  async function undo(batch: PriceBatch) {
    setConfirm(undefined);
    const r = await action.run(() => call('pricing.undo', { batchId: batch.id }));
    if (!r) return;
    setOutcome({ kind: 'undone', r });
    batches.reload();
  }

  function toggle(id: string) {
    const next = new Set(excluded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExcluded(next);
  }

  function labels(batchId: string) {
    printBatch(batchId);
    navigate(pricingHash('etiquetas'));
  }

  const askUndo = (batch: PriceBatch) => setConfirm({ kind: 'undo', batch });
  return (
    <div className="stack" data-testid="mass-page">
      {!canWrite && <p className="notice">{m.noWrite}</p>}
      {canWrite && (
        <section className="card stack" aria-label={m.title}>
          <div className="mass-form">
            <SelectionFields
              pending={pending}
              onDropPending={() => choose(null)}
              form={selForm}
              onChange={(patch) => setSelForm((s) => ({ ...s, ...patch }))}
              lists={lists}
            />
            <ModeFields
              form={modeForm}
              onChange={(patch) => setModeForm((s) => ({ ...s, ...patch }))}
              percentError={
                percent && !percent.ok && modeForm.percentText.trim() !== ''
                  ? percent.message
                  : null
              }
            />
          </div>
          <div className="actions-row">
            <TextField
              label={m.description}
              value={description ?? autoDescription}
              onChange={setDescription}
              maxLength={200}
              className="field grow"
              testId="mass-description"
            />
            <button
              type="button"
              className="btn primary"
              disabled={!mode || action.busy}
              onClick={() => void runPreview()}
              data-testid="mass-preview"
            >
              {action.busy && !current ? m.previewing : m.preview}
            </button>
          </div>
          {preview && !current && <p className="notice">{m.stale}</p>}
        </section>
      )}
      <ErrorBox error={action.error ?? batches.error} testId="mass-error" />
      {current && totals && (
        <section className="stack" aria-label={m.preview}>
          <p className="actions" data-testid="mass-totals">
            <span className="strong">
              {m.totals(
                m.changing(totals.changing, formatInteger(totals.changing)),
                m.unchanged(current.data.unchanged, formatInteger(current.data.unchanged)),
              )}
            </span>
            {totals.excluded > 0 && (
              <span className="muted">{m.excluded(formatInteger(totals.excluded))}</span>
            )}
            {totals.underFloor > 0 && (
              <span className="badge warn" data-testid="mass-floor-count">
                {m.underFloor(totals.underFloor, formatInteger(totals.underFloor))}
              </span>
            )}
          </p>
          {current.data.rows.length === 0 ? (
            <p className="muted">{m.nothing}</p>
          ) : (
            <PreviewTable
              rows={current.data.rows}
              excluded={excluded}
              onToggle={toggle}
              onToggleAll={() =>
                setExcluded(
                  excluded.size === 0
                    ? new Set(current.data.rows.map((r) => r.productId))
                    : new Set(),
                )
              }
            />
          )}
          <div className="actions">
            <button
              type="button"
              className="btn primary big"
              disabled={totals.changing === 0 || finalDescription === '' || action.busy}
              onClick={() => setConfirm({ kind: 'apply' })}
              data-testid="mass-apply"
            >
              {action.busy ? m.applying : m.apply(totals.changing, formatInteger(totals.changing))}
            </button>
          </div>
        </section>
      )}
      {outcome && (
        <OutcomeBox outcome={outcome} canUndo={canWrite} onLabels={labels} onUndo={askUndo} />
      )}
      <BatchList
        batches={batches.data ?? []}
        canUndo={canWrite}
        busy={action.busy}
        onUndo={askUndo}
      />
      {confirm?.kind === 'apply' && totals && (
        <ConfirmModal
          title={m.confirmTitle}
          ok={{
            label: m.confirmOk(totals.changing, formatInteger(totals.changing)),
            busy: action.busy,
            onClick: () => void apply(),
          }}
          onClose={() => setConfirm(undefined)}
          testId="mass-confirm"
          testPrefix="price"
        >
          <p>{m.confirmText(totals.changing, formatInteger(totals.changing), finalDescription)}</p>
          {totals.underFloor > 0 && (
            <p className="notice">
              {m.confirmFloor(totals.underFloor, formatInteger(totals.underFloor))}
            </p>
          )}
        </ConfirmModal>
      )}
      {confirm?.kind === 'undo' && (
        <ConfirmModal
          title={m.undoTitle}
          ok={{
            label: m.undoOk,
            danger: true,
            busy: action.busy,
            onClick: () => void undo(confirm.batch),
          }}
          onClose={() => setConfirm(undefined)}
          testId="mass-undo-confirm"
          testPrefix="price"
        >
          <p>
            {m.undoText(
              confirm.batch.description,
              confirm.batch.count,
              formatInteger(confirm.batch.count),
            )}
          </p>
        </ConfirmModal>
      )}
    </div>
  );
}
