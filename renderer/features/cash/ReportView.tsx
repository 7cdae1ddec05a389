import { useRef } from 'react';
import type { CashReport } from '../../../shared/contract/index.ts';
import { formatDateTime, formatInteger, formatIvaRate, formatMoney } from '../../lib/format.ts';
import { TENDER_LABEL, t } from '../../lib/strings.ts';
import { printElement } from '../pos/print.ts';
import { reportCsv, reportFileName } from '../../../shared/domain/cash-report-csv.ts';
import { downloadCsv } from './cash-report.ts';

const r = t.cash.report;

function varianceClass(v: number | null): string {
  if (v === null || v === 0) return 'num';
  return v < 0 ? 'num variance short' : 'num variance over';
}

function money(v: number | null): string {
  return v === null ? t.none : formatMoney(v);
}

function VarianceNote({ v }: { v: number | null }) {
  if (v === null) return null;
  return <span className="small">{v === 0 ? r.exact : v < 0 ? r.short : r.over}</span>;
}

/** The X or Z report: expected vs counted vs variance by tender, printable and exportable. */
export function ReportView({ report }: { report: CashReport }) {
  const box = useRef<HTMLElement>(null);
  const s = report.session;
  const z = report.kind === 'Z';
  const cash = report.cash;
  return (
    <article
      className="card report"
      ref={box}
      data-testid={z ? 'z-report' : 'x-report'}
      aria-labelledby="report-title"
    >
      <header className="report-head">
        <div>
          <h2 id="report-title">
            {z ? r.z : r.x} · {s.register}
          </h2>
          <p className="muted">
            {s.closedAt !== null
              ? r.period(formatDateTime(s.openedAt), formatDateTime(s.closedAt))
              : r.periodOpen(formatDateTime(s.openedAt))}
            {' · '}
            {r.generated(formatDateTime(report.generatedAt))}
          </p>
        </div>
        <div className="actions no-print">
          <button
            type="button"
            className="btn"
            onClick={() => printElement(box.current)}
            data-testid="report-print"
          >
            {r.print}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => downloadCsv(reportFileName(report), reportCsv(report))}
            data-testid="report-csv"
          >
            {r.csv}
          </button>
        </div>
      </header>

      <ul className="stats">
        <li>
          {r.tickets}:{' '}
          <strong data-testid="report-tickets">{formatInteger(report.salesCount)}</strong>
          {report.firstTicket !== null && report.lastTicket !== null && (
            <span className="muted small">
              {' '}
              ({r.range(String(report.firstTicket), String(report.lastTicket))})
            </span>
          )}
        </li>
        <li>
          {r.items}: <strong>{formatInteger(report.itemsSold)}</strong>
        </li>
        <li>
          {r.gross}: <strong data-testid="report-gross">{formatMoney(report.grossSales)}</strong>
        </li>
        <li>
          {r.refunds}: <strong>{formatMoney(report.refundsTotal)}</strong>
        </li>
        <li>
          {r.discounts}: <strong>{formatMoney(report.discountsTotal)}</strong>
        </li>
        {report.roundingTotal !== 0 && (
          <li>
            {r.rounding}: <strong>{formatMoney(report.roundingTotal)}</strong>
          </li>
        )}
      </ul>

      <h3>{r.byTender}</h3>
      <div className="table-wrap">
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{r.tender}</th>
              <th scope="col" className="num">
                {r.sales}
              </th>
              <th scope="col" className="num">
                {r.refunds}
              </th>
              <th scope="col" className="num">
                {r.expected}
              </th>
              <th scope="col" className="num">
                {r.counted}
              </th>
              <th scope="col" className="num">
                {r.variance}
              </th>
              <th scope="col" className="num">
                {r.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.byTender.map((b) => (
              <tr key={b.tender} data-testid={`z-tender-${b.tender}`}>
                <th scope="row">{TENDER_LABEL[b.tender]}</th>
                <td className="num" data-testid="tender-sales">
                  {formatMoney(b.sales)}
                </td>
                <td className="num" data-testid="tender-refunds">
                  {formatMoney(b.refunds)}
                </td>
                <td className="num" data-testid="tender-expected">
                  {formatMoney(b.expected)}
                </td>
                <td className="num" data-testid="tender-counted">
                  {money(b.counted)}
                </td>
                <td className={varianceClass(b.variance)} data-testid="tender-variance">
                  {money(b.variance)}
                </td>
                <td className="num">{formatInteger(b.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{r.cash}</h3>
      <div className="report-cash">
        <dl className="figures">
          <dt>{r.openingFloat}</dt>
          <dd>{formatMoney(cash.openingFloat)}</dd>
          <dt>{r.cashSales}</dt>
          <dd>{formatMoney(cash.sales)}</dd>
          <dt>{r.cashRefunds}</dt>
          <dd>{formatMoney(-cash.refunds)}</dd>
          <dt>{r.customerPayments}</dt>
          <dd>{formatMoney(cash.customerPayments)}</dd>
          <dt>{r.deposits}</dt>
          <dd>{formatMoney(cash.deposits)}</dd>
          <dt>{r.withdrawals}</dt>
          <dd>{formatMoney(-cash.withdrawals)}</dd>
        </dl>
        <div className="cash-result">
          <div>
            <span>{r.expectedCash}</span>
            <strong data-testid="z-cash-expected">{formatMoney(cash.expected)}</strong>
          </div>
          <div>
            <span>{r.countedCash}</span>
            <strong data-testid="z-cash-counted">{money(cash.counted)}</strong>
          </div>
          <div
            className={
              cash.variance !== null && cash.variance !== 0 ? 'variance-box bad' : 'variance-box'
            }
          >
            <span>{r.varianceCash}</span>
            <strong className={varianceClass(cash.variance)} data-testid="z-cash-variance">
              {money(cash.variance)}
            </strong>
            <VarianceNote v={cash.variance} />
          </div>
        </div>
      </div>

      {cash.denominations.length > 0 && (
        <>
          <h3>{r.denominations}</h3>
          <p className="small">
            {cash.denominations.map((d) => `${d.qty} × ${formatMoney(d.denomination)}`).join(' · ')}
          </p>
        </>
      )}

      {report.iva.length > 0 && (
        <>
          <h3>{r.iva}</h3>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{r.ivaRate}</th>
                <th scope="col" className="num">
                  {r.net}
                </th>
                <th scope="col" className="num">
                  {r.ivaCol}
                </th>
                <th scope="col" className="num">
                  {r.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.iva.map((i) => (
                <tr key={i.rateBp}>
                  <td>{formatIvaRate(i.rateBp)}</td>
                  <td className="num">{formatMoney(i.net)}</td>
                  <td className="num">{formatMoney(i.iva)}</td>
                  <td className="num">{formatMoney(i.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h3>{r.controls}</h3>
      <ul className="stats">
        <li>
          {r.noSale}: <strong data-testid="report-no-sale">{report.noSaleOpenings}</strong>
        </li>
        <li>
          {r.removedLines}: <strong>{report.removedLines}</strong>
        </li>
        <li>
          {r.returns}: <strong>{report.returnsCount}</strong>
        </li>
      </ul>
    </article>
  );
}
