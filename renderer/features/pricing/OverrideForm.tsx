import { useState, type FormEvent } from 'react';
import type { PolicyList, PolicyRow } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { FormResult, SelectField, SubmitActions } from '../../lib/fields.tsx';
import { useFormSubmit, useQuery } from '../../lib/hooks.ts';
import { ProductFilter, type PickedProduct } from '../../lib/ProductSearch.tsx';
import { t } from '../../lib/strings.ts';
import { POLICY_SCOPE_LABEL, pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { CategoryField } from '../stock/CategoryField.tsx';
import { EMPTY_POLICY_FORM, formToPolicy, policyToForm } from './policy-form.ts';
import { PolicyInputs } from './PolicyInputs.tsx';

const s = pricingSetupStrings.policies;

type Kind = Exclude<PolicyRow['scope'], 'store'>;
const KINDS: readonly Kind[] = ['category', 'supplier', 'product'];

function SupplierSelect({ value, onChange }: { value: string; onChange(cuit: string): void }) {
  const suppliers = useQuery('suppliers.list', {});
  if (suppliers.data?.length === 0) return <p className="muted small">{s.noSuppliers}</p>;
  return (
    <label className="field">
      <span>{s.supplier}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="policy-new-supplier"
      >
        <option value="">{s.chooseSupplier}</option>
        {[...(suppliers.data ?? [])]
          .sort((a, b) => a.name.localeCompare(b.name, 'es'))
          .map((sup) => (
            <option key={sup.cuit} value={sup.cuit}>
              {sup.name}
            </option>
          ))}
      </select>
      {suppliers.error && <small className="field-error">{suppliers.error}</small>}
    </label>
  );
}

/** What a new rule applies to: a category, a supplier or a product. */
function TargetPicker({
  kind,
  onKind,
  target,
  onTarget,
}: {
  kind: Kind;
  onKind(kind: Kind): void;
  target: { id: string; product: PickedProduct | null };
  onTarget(target: { id: string; product: PickedProduct | null }): void;
}) {
  return (
    <>
      <SelectField
        label={s.kind}
        value={kind}
        onChange={onKind}
        options={KINDS.map((k) => ({ value: k, label: POLICY_SCOPE_LABEL[k] }))}
        testId="policy-new-kind"
      />
      {kind === 'category' && (
        <CategoryField
          value={target.id}
          onChange={(id) => onTarget({ id, product: null })}
          disabled={false}
        />
      )}
      {kind === 'supplier' && (
        <SupplierSelect value={target.id} onChange={(id) => onTarget({ id, product: null })} />
      )}
      {kind === 'product' && (
        <ProductFilter
          label={s.product}
          clearLabel={s.clearProduct}
          value={target.product}
          onChange={(p) => onTarget({ id: p?.id ?? '', product: p })}
          testId="policy-new-product"
          optionTestId="policy-new-product-option"
          chosenTestId="policy-new-product-chosen"
        />
      )}
    </>
  );
}

/**
 * Adds a rule (`row` absent: pick what it applies to first) or edits one. Blank fields inherit.
 * A refusal from the core (a markup under the minimum margin) stays next to the form.
 */
export function OverrideForm({
  row,
  onSaved,
  onCancel,
}: {
  row?: PolicyRow;
  onSaved(list: PolicyList): void;
  onCancel?(): void;
}) {
  const [form, setForm] = useState(() => (row ? policyToForm(row) : EMPTY_POLICY_FORM));
  const [kind, setKind] = useState<Kind>('category');
  const [target, setTarget] = useState<{ id: string; product: PickedProduct | null }>({
    id: '',
    product: null,
  });
  const submit = useFormSubmit();
  const prefix = row ? 'policy-edit' : 'policy-new';

  function save(e: FormEvent) {
    e.preventDefault();
    const scope = row?.scope ?? kind;
    const scopeId = row?.scopeId ?? target.id;
    if (scope === 'store' || scopeId === '') return submit.fail(s.chooseTarget);
    const parsed = formToPolicy(form, false);
    if (!parsed.ok) return submit.fail(parsed.message);
    void submit.run(async () => {
      const list = await call('pricing.policySave', { scope, scopeId, ...parsed.fields });
      if (!row) {
        setForm(EMPTY_POLICY_FORM);
        setTarget({ id: '', product: null });
      }
      submit.succeed(s.saved);
      onSaved(list);
    });
  }

  return (
    <form
      className="subform"
      onSubmit={save}
      aria-label={row ? s.editTitle(row.label) : s.addTitle}
      noValidate
      data-testid={`${prefix}-form`}
    >
      {!row && (
        <TargetPicker
          kind={kind}
          onKind={(k) => {
            setKind(k);
            setTarget({ id: '', product: null });
          }}
          target={target}
          onTarget={setTarget}
        />
      )}
      <PolicyInputs
        form={form}
        onChange={(f) => {
          setForm(f);
          submit.clear();
        }}
        inherit
        disabled={false}
        testPrefix={prefix}
      />
      <p className="muted small span-all">{s.blankHint}</p>
      <FormResult message={submit.message} testId={`${prefix}-result`} className="span-all" />
      <SubmitActions
        label={submit.busy ? t.saving : row ? t.save : s.add}
        disabled={submit.busy}
        testId={`${prefix}-save`}
        onCancel={onCancel}
      />
    </form>
  );
}
