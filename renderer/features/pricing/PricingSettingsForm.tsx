import { useState, type FormEvent } from 'react';
import type { CpiSeries } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { FormResult, MoneyField, SubmitActions } from '../../lib/fields.tsx';
import { useFormSubmit } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { CPI_RATE_RANGE, THRESHOLD_RANGE, parsePercentBp, percentInput } from './percent.ts';

const s = pricingSetupStrings.inflation;

/** The expected monthly inflation and the suggestion threshold (`pricing.settingsSave`). */
export function PricingSettingsForm({
  series,
  canWrite,
  onSaved,
}: {
  series: CpiSeries;
  canWrite: boolean;
  onSaved(series: CpiSeries): void;
}) {
  const [expected, setExpected] = useState(() => percentInput(series.expectedBp));
  const [threshold, setThreshold] = useState(() => percentInput(series.thresholdBp));
  const form = useFormSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    const expectedBp = parsePercentBp(expected, CPI_RATE_RANGE);
    if (!expectedBp.ok) return form.fail(`${s.expected}: ${expectedBp.message}`);
    const thresholdBp = parsePercentBp(threshold, THRESHOLD_RANGE);
    if (!thresholdBp.ok) return form.fail(`${s.threshold}: ${thresholdBp.message}`);
    void form.run(async () => {
      const saved = await call('pricing.settingsSave', {
        expectedBp: expectedBp.bp,
        thresholdBp: thresholdBp.bp,
      });
      setExpected(percentInput(saved.expectedBp));
      setThreshold(percentInput(saved.thresholdBp));
      onSaved(saved);
      form.succeed(s.settingsSaved);
    });
  }

  return (
    <form
      className="card stack"
      onSubmit={submit}
      aria-labelledby="cpi-settings-title"
      noValidate
      data-testid="cpi-settings"
    >
      <h2 id="cpi-settings-title">{s.settingsTitle}</h2>
      <MoneyField
        label={s.expected}
        value={expected}
        onChange={setExpected}
        disabled={!canWrite}
        testId="cpi-expected"
      >
        <small className="muted">{s.expectedHint}</small>
      </MoneyField>
      <MoneyField
        label={s.threshold}
        value={threshold}
        onChange={setThreshold}
        disabled={!canWrite}
        testId="cpi-threshold"
      >
        <small className="muted">{s.thresholdHint}</small>
      </MoneyField>
      <FormResult message={form.message} testId="cpi-settings-result" />
      {canWrite && (
        <SubmitActions
          label={form.busy ? t.saving : t.save}
          disabled={form.busy}
          testId="cpi-settings-save"
        />
      )}
    </form>
  );
}
