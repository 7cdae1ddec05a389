import { formatQuantity } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { navigate, routeHash } from '../../lib/route.ts';
import { t } from '../../lib/strings.ts';
import { toOrder } from './stock-rules.ts';

const col = t.stock.col;

export function LowStockPage() {
  const low = useQuery('stock.lowStock', { limit: 5000 });
  const items = low.data ?? [];
  return (
    <section className="stack" aria-label={t.stock.tabs.faltantes}>
      {low.error && (
        <p className="error-box" role="alert">
          {low.error}
        </p>
      )}
      {low.loading && <p className="muted">{t.loading}</p>}
      {!low.loading && items.length === 0 && <p className="ok-box">{t.lowStock.none}</p>}
      {items.length > 0 && (
        <div className="card table-wrap">
          <table className="table" data-testid="low-stock-table">
            <thead>
              <tr>
                <th scope="col">{col.code}</th>
                <th scope="col">{col.name}</th>
                <th scope="col" className="num">
                  {col.stock}
                </th>
                <th scope="col" className="num">
                  {col.min}
                </th>
                <th scope="col" className="num">
                  {col.max}
                </th>
                <th scope="col" className="num">
                  {col.toOrder}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr
                  key={item.productId}
                  className="clickable"
                  onClick={() => navigate(routeHash('stock', 'producto', item.productId))}
                  data-testid="low-stock-row"
                >
                  <td className="mono">{item.barcode ?? ''}</td>
                  <td>
                    <a href={routeHash('stock', 'producto', item.productId)}>{item.name}</a>
                  </td>
                  <td className="num negative">{formatQuantity(item.stock, item.unit)}</td>
                  <td className="num">{formatQuantity(item.minStock, item.unit)}</td>
                  <td className="num">
                    {item.maxStock === null ? t.none : formatQuantity(item.maxStock, item.unit)}
                  </td>
                  <td className="num strong">{formatQuantity(toOrder(item), item.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
