import { useState } from 'react';
import type { CpiSeries } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { useCan } from '../../stores/session.ts';
import { CpiChart } from './CpiChart.tsx';
import { CpiImport } from './CpiImport.tsx';
import { cpiLag, cpiPoints, monthLabel } from './cpi-series.ts';
import { CpiTable } from './CpiTable.tsx';
import { formatPercentBp } from './percent.ts';
import { PricingSettingsForm } from './PricingSettingsForm.tsx';

const s = pricingSetupStrings.inflation;

function LagWarning({ series, canWrite }: { series: CpiSeries; canWrite: boolean }) {
  const [now] = useState(() => Date.now());
  const lag = cpiLag(series.months, now);
  if (!lag) return null;
  return (
    <p className="notice" role="status" data-testid="cpi-lag">
      {s.behind(
        monthLabel(lag.last),
        monthLabel(lag.from),
        monthLabel(lag.to),
        formatPercentBp(series.expectedBp),
      )}{' '}
      {canWrite ? s.behindOwner : s.behindOthers}
    </p>
  );
}

/** Inflación (IPC): the monthly series, the expected inflation and the suggestion threshold. */
export function InflationPage() {
  const canWrite = useCan('pricing.write');
  const query = useQuery('pricing.cpi', {});
  // What the last save answered; newer than the query's data until the page is opened again.
  const [saved, setSaved] = useState<CpiSeries | null>(null);
  const series = saved ?? query.data;

  if (query.error && !series) {
    return (
      <p className="error-box" role="alert">
        {query.error}
      </p>
    );
  }
  if (!series) return <p className="muted pad">{t.loading}</p>;

  return (
    <div className="stack" data-testid="pricing-inflation">
      <LagWarning series={series} canWrite={canWrite} />
      <section className="card stack" aria-labelledby="cpi-chart-title">
        <div>
          <h2 id="cpi-chart-title">{s.chartTitle}</h2>
          <p className="muted small">{s.chartIntro}</p>
        </div>
        {series.months.length > 0 ? (
          <CpiChart points={cpiPoints(series.months)} />
        ) : (
          <p className="muted">{s.noMonths}</p>
        )}
      </section>
      <div className="row2" style={{ alignItems: 'start' }}>
        <CpiTable series={series} canWrite={canWrite} onSaved={setSaved} />
        <div className="stack">
          <PricingSettingsForm series={series} canWrite={canWrite} onSaved={setSaved} />
          {canWrite && <CpiImport onImported={setSaved} />}
        </div>
      </div>
    </div>
  );
}
