import type { ImportPreview } from '../../../shared/contract/index.ts';
import { formatInteger, formatMoney, quantityNoUnit } from '../../lib/format.ts';
import { t } from '../../lib/strings.ts';

const w = t.importer;

function separatorName(sep: string): string {
  return w.separators[sep as keyof typeof w.separators] ?? `«${sep}»`;
}

export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  return (
    <div className="stack" data-testid="import-preview">
      <div className="card">
        <h3>{preview.fileName}</h3>
        <p className="muted">
          {w.encoding}: <strong data-testid="import-encoding">{preview.encoding}</strong> ·{' '}
          {w.separator}:{' '}
          <strong data-testid="import-separator">{separatorName(preview.separator)}</strong> ·{' '}
          {w.columns}: {preview.columns.join(', ')}
        </p>
        <ul className="stats">
          <li data-testid="import-total">
            <strong>{formatInteger(preview.totalRows)}</strong> {w.total}
          </li>
          <li data-testid="import-valid" className="positive">
            <strong>{formatInteger(preview.validRows)}</strong> {w.valid}
          </li>
          <li data-testid="import-invalid" className={preview.errorRows > 0 ? 'negative' : ''}>
            <strong>{formatInteger(preview.errorRows)}</strong> {w.invalid}
          </li>
          <li data-testid="import-creates">
            <strong>{formatInteger(preview.creates)}</strong> {w.creates}
          </li>
          <li data-testid="import-updates">
            <strong>{formatInteger(preview.updates)}</strong> {w.updates}
          </li>
        </ul>
      </div>
      {preview.errors.length > 0 && (
        <section className="card" aria-labelledby="import-errors-title">
          <h3 id="import-errors-title">{w.errorsTitle}</h3>
          <div className="table-wrap scroll-y">
            <table className="table compact" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {w.row}
                  </th>
                  <th scope="col">{w.column}</th>
                  <th scope="col">{w.message}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((issue, i) => (
                  <tr key={i}>
                    <td className="num">{issue.row}</td>
                    <td>{issue.column ?? ''}</td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.errorRows > preview.errors.length && (
            <p className="muted small">{w.moreErrors}</p>
          )}
        </section>
      )}
      {preview.sample.length > 0 && (
        <section className="card" aria-labelledby="import-sample-title">
          <h3 id="import-sample-title">{w.sampleTitle}</h3>
          <div className="table-wrap">
            <table className="table compact" data-testid="import-sample">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {w.row}
                  </th>
                  <th scope="col">{w.action}</th>
                  <th scope="col">{t.stock.col.code}</th>
                  <th scope="col">{t.stock.col.name}</th>
                  <th scope="col" className="num">
                    {w.cost}
                  </th>
                  <th scope="col" className="num">
                    {t.stock.col.price}
                  </th>
                  <th scope="col" className="num">
                    {t.stock.col.stock}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((r) => (
                  <tr key={r.row}>
                    <td className="num">{r.row}</td>
                    <td>
                      <span className={`badge ${r.action === 'crear' ? 'ok' : ''}`}>
                        {r.action === 'crear' ? w.actionCreate : w.actionUpdate}
                      </span>
                    </td>
                    <td className="mono">{r.barcode ?? r.sku ?? ''}</td>
                    <td>{r.name}</td>
                    <td className="num">{formatMoney(r.cost)}</td>
                    <td className="num">{formatMoney(r.price)}</td>
                    <td className="num">{r.stock === null ? '' : quantityNoUnit(r.stock)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
