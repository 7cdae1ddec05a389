import type { StockMovement, Unit } from '../../../shared/contract/index.ts';
import { formatDateTime, signedQuantity } from '../../lib/format.ts';
import { MOVEMENT_LABEL, t } from '../../lib/strings.ts';

const col = t.stock.col;

type Props = { movements: StockMovement[]; unit?: Unit; showProduct: boolean };

export function MovementTable({ movements, unit, showProduct }: Props) {
  if (movements.length === 0) return <p className="muted">{t.movements.empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="movement-table">
        <thead>
          <tr>
            <th scope="col">{col.date}</th>
            {showProduct && <th scope="col">{col.product}</th>}
            <th scope="col">{col.location}</th>
            <th scope="col">{col.kind}</th>
            <th scope="col" className="num">
              {col.qty}
            </th>
            <th scope="col">{col.reason}</th>
            <th scope="col">{col.user}</th>
          </tr>
        </thead>
        <tbody>
          {movements.map((m) => (
            <tr key={m.id} data-testid="movement-row">
              <td className="nowrap">{formatDateTime(m.at)}</td>
              {showProduct && <td>{m.productName}</td>}
              <td>{m.locationName}</td>
              <td>
                <span className={`kind kind-${m.kind}`}>{MOVEMENT_LABEL[m.kind]}</span>
              </td>
              <td className={m.qty < 0 ? 'num negative' : 'num positive'}>
                {signedQuantity(m.qty, unit ?? m.unit)}
              </td>
              <td>
                {m.reason ?? ''}
                {m.reference && <span className="muted"> · {m.reference}</span>}
              </td>
              <td>{m.userName ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
