import { useState } from 'react';
import type { Product } from '../../../shared/contract/index.ts';
import { formatQuantity } from '../../lib/format.ts';
import { useAppEvent, useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { MovementTable } from './MovementTable.tsx';
import { MoveForm, type MoveKind } from './MoveForm.tsx';
import { TransferForm } from './TransferForm.tsx';

type Action = MoveKind | 'transferir';
const ACTIONS: Action[] = ['entrada', 'salida', 'ajuste', 'transferir'];

export function ProductStock({ product }: { product: Product }) {
  const canMove = useCan('stock.write');
  const levels = useQuery('stock.levels', { productId: product.id });
  const movements = useQuery('stock.movements', { productId: product.id, limit: 100 });
  const [action, setAction] = useState<Action | null>(null);

  function reload() {
    levels.reload();
    movements.reload();
  }
  useAppEvent('stock.changed', ({ productIds }) => {
    if (productIds.includes(product.id)) reload();
  });

  const total = levels.data?.reduce((sum, l) => sum + l.qty, 0) ?? 0;

  // A fragment: both cards are items of the product page grid, the movements spanning it.
  return (
    <>
      <section className="card" aria-labelledby="levels-title">
        <h3 id="levels-title">{t.product.levels}</h3>
        {levels.error && <p className="error-box">{levels.error}</p>}
        <table className="table compact" data-testid="stock-levels">
          <tbody>
            {levels.data?.map((l) => (
              <tr key={l.locationId}>
                <th scope="row">{l.locationName}</th>
                <td className="num">{formatQuantity(l.qty, product.unit)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.product.total}</th>
              <td className="num strong" data-testid="stock-total">
                {formatQuantity(total, product.unit)}
              </td>
            </tr>
          </tfoot>
        </table>
        {canMove && (
          <div className="segmented" role="group" aria-label={t.product.actions}>
            {ACTIONS.map((a) => (
              <button
                key={a}
                type="button"
                className={action === a ? 'btn active' : 'btn'}
                aria-pressed={action === a}
                onClick={() => setAction(action === a ? null : a)}
                data-testid={`stock-action-${a}`}
              >
                {t.product.action[a]}
              </button>
            ))}
          </div>
        )}
        {action === 'transferir' && (
          <TransferForm
            product={product}
            onDone={() => {
              setAction(null);
              reload();
            }}
          />
        )}
        {action !== null && action !== 'transferir' && (
          <MoveForm
            key={action}
            kind={action}
            product={product}
            onDone={() => {
              setAction(null);
              reload();
            }}
          />
        )}
      </section>
      <section className="card span-all" aria-labelledby="moves-title">
        <h3 id="moves-title">{t.product.movements}</h3>
        {movements.error && <p className="error-box">{movements.error}</p>}
        <MovementTable movements={movements.data ?? []} unit={product.unit} showProduct={false} />
      </section>
    </>
  );
}
