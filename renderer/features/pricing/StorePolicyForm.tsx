import { useState, type FormEvent } from 'react';
import type { EffectivePolicy, PolicyList } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { FormResult, SubmitActions } from '../../lib/fields.tsx';
import { useFormSubmit } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { formToPolicy, policyToForm } from './policy-form.ts';
import { PolicyInputs } from './PolicyInputs.tsx';

const s = pricingSetupStrings.policies;

/** The store's own policy: every field required, the level everything else inherits from. */
export function StorePolicyForm({
  store,
  canWrite,
  onSaved,
}: {
  store: EffectivePolicy;
  canWrite: boolean;
  onSaved(list: PolicyList): void;
}) {
  const [form, setForm] = useState(() => policyToForm(store));
  const submit = useFormSubmit();

  function save(e: FormEvent) {
    e.preventDefault();
    const parsed = formToPolicy(form, true);
    if (!parsed.ok) return submit.fail(parsed.message);
    void submit.run(async () => {
      const list = await call('pricing.policySave', {
        scope: 'store',
        scopeId: '',
        ...parsed.fields,
      });
      setForm(policyToForm(list.store));
      onSaved(list);
      submit.succeed(s.saved);
    });
  }

  return (
    <form
      className="card stack"
      onSubmit={save}
      aria-labelledby="policy-store-title"
      noValidate
      data-testid="policy-store"
    >
      <div>
        <h2 id="policy-store-title">{s.storeTitle}</h2>
        <p className="muted small">{s.storeIntro}</p>
      </div>
      <div className="subform">
        <PolicyInputs
          form={form}
          onChange={(f) => {
            setForm(f);
            submit.clear();
          }}
          inherit={false}
          disabled={!canWrite}
          testPrefix="policy-store"
        />
      </div>
      <FormResult message={submit.message} testId="policy-store-result" />
      {canWrite && (
        <SubmitActions
          label={submit.busy ? t.saving : t.save}
          disabled={submit.busy}
          testId="policy-store-save"
        />
      )}
    </form>
  );
}
