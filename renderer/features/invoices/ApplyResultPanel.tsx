import { useEffect, useRef } from 'react';
import type { ApplyResult } from '../../../shared/contract/index.ts';
import { formatMoney } from '../../lib/format.ts';
import { routeHash } from '../../lib/route.ts';
import { t } from '../../lib/strings.ts';
import { formatPercentBp } from './invoice-format.ts';

const w = t.invoices.review.result;

/** After applying: the stock movements made and the products whose cost went up. */
export function ApplyResultPanel({ result }: { result: ApplyResult }) {
  const ref = useRef<HTMLElement>(null);
  // The Apply button sits at the bottom of a long form: bring the outcome into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    ref.current?.focus({ preventScroll: true });
  }, [result]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="ok-box card stack"
      role="status"
      aria-labelledby="inv-result-title"
      data-testid="inv-apply-result"
    >
      <h3 id="inv-result-title">{w.title}</h3>
      <p data-testid="inv-apply-movements">{w.movements(result.movements)}</p>
      {result.costRises.length === 0 ? (
        <p className="muted" data-testid="inv-no-rises">
          {w.noRises}
        </p>
      ) : (
        <>
          <h4>{w.rises}</h4>
          <div className="table-wrap">
            <table className="table compact" data-testid="inv-rises">
              <thead>
                <tr>
                  <th scope="col">{w.product}</th>
                  <th scope="col" className="num">
                    {w.cost}
                  </th>
                  <th scope="col" className="num">
                    {w.price}
                  </th>
                  <th scope="col" className="num">
                    {w.margin}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.costRises.map((rise) => (
                  <tr key={rise.productId} data-testid="inv-rise" data-product-id={rise.productId}>
                    <td>{rise.name}</td>
                    <td className="num">
                      {formatMoney(rise.oldCost)} → <strong>{formatMoney(rise.newCost)}</strong>
                    </td>
                    <td className="num">{formatMoney(rise.price)}</td>
                    <td
                      className={rise.marginBp < 0 ? 'num negative strong' : 'num'}
                      data-testid="inv-rise-margin"
                      data-negative={rise.marginBp < 0 ? 'true' : 'false'}
                    >
                      {formatPercentBp(rise.marginBp)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a className="btn primary" href={routeHash('precios')} data-testid="inv-go-prices">
              {w.toPrices}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
