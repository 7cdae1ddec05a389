import type { PriceHistoryEvent } from '../../../shared/contract/index.ts';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { routeHash } from '../../lib/route.ts';
import { t } from '../../lib/strings.ts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { sourceLabel } from './change-source.ts';
import { changeBp, historyChartPoints } from './history-chart.ts';
import { formatPercentBp } from './percent.ts';
import { PriceHistoryChart } from './PriceHistoryChart.tsx';
import { pricingHash } from './pricing-routes.ts';

const s = pricingSetupStrings.history;

function EventRow({ event }: { event: PriceHistoryEvent }) {
  const change = changeBp(event.previous, event.value);
  return (
    <tr data-testid="price-history-event" data-kind={event.kind}>
      <td className="nowrap">{formatDateTime(event.at)}</td>
      <td>{s.kind[event.kind]}</td>
      <td className="num">
        {formatMoney(event.previous)} → <span className="strong">{formatMoney(event.value)}</span>
        {change !== null && change !== 0 && (
          <span className={change < 0 ? 'negative small' : 'muted small'}>
            {' '}
            ({change > 0 ? '+' : ''}
            {formatPercentBp(change)})
          </span>
        )}
      </td>
      <td>{sourceLabel(event.source)}</td>
    </tr>
  );
}

/** A product's price against its cost, replacement cost and the CPI, month by month. */
export function PriceHistoryPage({ productId }: { productId: string }) {
  const history = useQuery('pricing.history', { productId });
  const data = history.data?.productId === productId ? history.data : undefined;

  return (
    <section className="stack" aria-labelledby="price-history-title" data-testid="price-history">
      <div className="page-subhead">
        <a className="btn link" href={pricingHash('sugerencias')} data-testid="price-history-back">
          ← {s.back}
        </a>
        {!history.error && (
          <h2 id="price-history-title" data-testid="price-history-title">
            {data ? s.title(data.name) : t.loading}
          </h2>
        )}
        {data && (
          <a className="btn link" href={routeHash('stock', 'producto', productId)}>
            {pricingSetupStrings.history.productCard}
          </a>
        )}
      </div>
      {history.error && (
        <p className="error-box" role="alert">
          {history.error}
        </p>
      )}
      {data && (
        <>
          <section className="card stack" aria-label={s.chartLabel}>
            <PriceHistoryChart points={historyChartPoints(data.points)} />
          </section>
          <section className="card stack" aria-labelledby="price-history-events">
            <h2 id="price-history-events">{s.eventsTitle}</h2>
            {data.events.length === 0 ? (
              <p className="muted">{s.noEvents}</p>
            ) : (
              <div className="table-wrap">
                <table className="table compact">
                  <thead>
                    <tr>
                      <th scope="col">{s.date}</th>
                      <th scope="col">{s.what}</th>
                      <th scope="col" className="num">
                        {s.change}
                      </th>
                      <th scope="col">{s.origin}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.events.map((e, i) => (
                      <EventRow key={`${e.kind}-${e.at}-${i}`} event={e} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </section>
  );
}
