import { ROUNDING_RULE_IDS, type RoundingRuleId } from '../../../shared/contract/index.ts';
import { MoneyField, SelectField, TextField } from '../../lib/fields.tsx';
import { ROUNDING_LABEL, pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import type { PolicyForm } from './policy-form.ts';

const s = pricingSetupStrings.policies;

const RULES = ROUNDING_RULE_IDS.map((id) => ({ value: id, label: ROUNDING_LABEL[id] }));
const RULES_OR_INHERIT = [{ value: '' as const, label: s.inheritOption }, ...RULES];

/**
 * The four fields of a policy level. `inherit`: an override, where a blank field (or «Hereda»)
 * takes the value from the level above.
 */
export function PolicyInputs({
  form,
  onChange,
  inherit,
  disabled,
  testPrefix,
}: {
  form: PolicyForm;
  onChange(form: PolicyForm): void;
  inherit: boolean;
  disabled: boolean;
  testPrefix: string;
}) {
  const placeholder = inherit ? s.inherits : undefined;
  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) =>
    onChange({ ...form, [key]: value });
  return (
    <>
      <MoneyField
        label={`${s.markup} (%)`}
        value={form.markup}
        onChange={(v) => set('markup', v)}
        placeholder={placeholder}
        disabled={disabled}
        testId={`${testPrefix}-markup`}
      />
      <MoneyField
        label={`${s.minMargin} (%)`}
        value={form.minMargin}
        onChange={(v) => set('minMargin', v)}
        placeholder={placeholder}
        disabled={disabled}
        testId={`${testPrefix}-min-margin`}
      />
      <SelectField<RoundingRuleId | ''>
        label={s.rounding}
        value={form.rounding}
        onChange={(rounding) => set('rounding', rounding)}
        options={inherit ? RULES_OR_INHERIT : RULES}
        disabled={disabled}
        testId={`${testPrefix}-rounding`}
      />
      <TextField
        label={s.horizon}
        value={form.horizon}
        onChange={(v) => set('horizon', v)}
        inputMode="numeric"
        placeholder={placeholder}
        disabled={disabled}
        testId={`${testPrefix}-horizon`}
      />
    </>
  );
}
