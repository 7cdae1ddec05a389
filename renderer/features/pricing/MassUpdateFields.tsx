import { ROUNDING_RULE_IDS, type RoundingRuleId } from '../../../shared/contract/index.ts';
import { SelectField, TextField } from '../../lib/fields.tsx';
import { formatInteger } from '../../lib/format.ts';
import { t } from '../../lib/strings.ts';
import { pricingStrings, ROUNDING_LABEL } from '../../lib/strings-pricing.ts';
import type { PendingSelection } from './selection.ts';
import { ScopeSelects, type ScopeLists } from './SelectionFilters.tsx';

const m = pricingStrings.mass;
const f = pricingStrings.filters;

export type SelectionForm = {
  text: string;
  categoryId: string;
  supplierCuit: string;
  suggestedOnly: boolean;
};

export const EMPTY_SELECTION_FORM: SelectionForm = {
  text: '',
  categoryId: '',
  supplierCuit: '',
  suggestedOnly: false,
};

/** Which products: the ones ticked in Sugerencias, or a category, supplier and words. */
export function SelectionFields({
  pending,
  onDropPending,
  form,
  onChange,
  lists,
}: {
  pending: PendingSelection | null;
  onDropPending(): void;
  form: SelectionForm;
  onChange(patch: Partial<SelectionForm>): void;
  lists: ScopeLists;
}) {
  return (
    <fieldset className="field mass-fieldset">
      <legend>{m.what}</legend>
      {pending ? (
        <div className="actions">
          <span className="strong" data-testid="mass-pending">
            {m.fromSuggestions(pending.count, formatInteger(pending.count))}
          </span>
          <button type="button" className="btn link" onClick={onDropPending}>
            {m.dropChosen}
          </button>
        </div>
      ) : (
        <div className="toolbar">
          <TextField
            label={f.query}
            value={form.text}
            onChange={(text) => onChange({ text })}
            placeholder={t.productSearch}
            type="search"
            className="field grow"
            testId="mass-query"
          />
          <ScopeSelects
            lists={lists}
            categoryId={form.categoryId}
            supplierCuit={form.supplierCuit}
            onCategory={(categoryId) => onChange({ categoryId })}
            onSupplier={(supplierCuit) => onChange({ supplierCuit })}
            testIdPrefix="mass"
          />
          <label className="check">
            <input
              type="checkbox"
              checked={form.suggestedOnly}
              onChange={(e) => onChange({ suggestedOnly: e.target.checked })}
              data-testid="mass-suggested-only"
            />
            {m.suggestedOnly}
          </label>
        </div>
      )}
    </fieldset>
  );
}

export type ModeForm = {
  kind: 'target' | 'percent';
  percentText: string;
  rounding: RoundingRuleId | 'policy';
};

export const DEFAULT_MODE_FORM: ModeForm = { kind: 'target', percentText: '', rounding: 'policy' };

const ROUNDING_OPTIONS = (['policy', ...ROUNDING_RULE_IDS] as const).map((value) => ({
  value,
  label: ROUNDING_LABEL[value],
}));

/** How the price changes: to the suggested price, or by a percent with a rounding rule. */
export function ModeFields({
  form,
  onChange,
  percentError,
}: {
  form: ModeForm;
  onChange(patch: Partial<ModeForm>): void;
  /** Shown once something was typed. */
  percentError: string | null;
}) {
  return (
    <fieldset className="field mass-fieldset">
      <legend>{m.how}</legend>
      <div className="mass-modes">
        <label className="check price-choice">
          <input
            type="radio"
            name="mass-mode"
            checked={form.kind === 'target'}
            onChange={() => onChange({ kind: 'target' })}
            data-testid="mass-mode-target"
          />
          {m.target}
        </label>
        {form.kind === 'target' && <small className="muted">{m.targetHint}</small>}
        <label className="check price-choice">
          <input
            type="radio"
            name="mass-mode"
            checked={form.kind === 'percent'}
            onChange={() => onChange({ kind: 'percent' })}
            data-testid="mass-mode-percent"
          />
          {m.percent}
        </label>
      </div>
      {form.kind === 'percent' && (
        <div className="inline">
          <TextField
            label={m.percentField}
            value={form.percentText}
            onChange={(percentText) => onChange({ percentText })}
            placeholder={m.percentHint}
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={percentError ? true : undefined}
            className="field mass-percent"
            testId="mass-percent"
          >
            {percentError && <small className="field-error">{percentError}</small>}
          </TextField>
          <SelectField
            label={m.rounding}
            value={form.rounding}
            onChange={(rounding) => onChange({ rounding })}
            options={ROUNDING_OPTIONS}
            testId="mass-rounding"
          />
        </div>
      )}
    </fieldset>
  );
}
