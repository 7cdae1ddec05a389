import { useState } from 'react';
import type { PolicyList } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { useCan } from '../../stores/session.ts';
import { PolicyOverrides } from './PolicyOverrides.tsx';
import { StorePolicyForm } from './StorePolicyForm.tsx';

const s = pricingSetupStrings.policies;

function Explanation() {
  return (
    <section className="card stack" aria-labelledby="policy-explain-title">
      <h2 id="policy-explain-title">{s.explainTitle}</h2>
      <ol className="advice">
        {s.explain.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <p>
        <span className="strong">{s.orderTitle}: </span>
        {s.order}
      </p>
    </section>
  );
}

/** Márgenes y redondeo: the store's policy and its overrides by category, supplier or product. */
export function PoliciesPage() {
  const canWrite = useCan('pricing.write');
  const query = useQuery('pricing.policies', {});
  const [saved, setSaved] = useState<PolicyList | null>(null);
  const list = saved ?? query.data;

  if (query.error && !list) {
    return (
      <p className="error-box" role="alert">
        {query.error}
      </p>
    );
  }
  if (!list) return <p className="muted pad">{t.loading}</p>;

  return (
    <div className="stack" data-testid="pricing-policies">
      {!canWrite && <p className="notice">{s.noWrite}</p>}
      <div className="row2" style={{ alignItems: 'start' }}>
        <StorePolicyForm store={list.store} canWrite={canWrite} onSaved={setSaved} />
        <Explanation />
      </div>
      <PolicyOverrides rows={list.rows} canWrite={canWrite} onChange={setSaved} />
    </div>
  );
}
