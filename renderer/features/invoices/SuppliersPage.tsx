import { useState } from 'react';
import type { SupplierSettings } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { formatInteger, formatMoney } from '../../lib/format.ts';
import { useFormSubmit, useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { formatCuit } from './invoice-format.ts';
import { SupplierChart } from './SupplierChart.tsx';
import {
  lastMonths,
  monthGroups,
  monthLabel,
  monthlySeries,
  monthsWindow,
  suppliersOf,
} from './supplier-totals.ts';

const s = t.invoices.suppliers;

function SupplierRow({ supplier, canWrite }: { supplier: SupplierSettings; canWrite: boolean }) {
  const [value, setValue] = useState(supplier);
  const form = useFormSubmit();

  function save(change: Partial<SupplierSettings>) {
    const before = value;
    // The box follows the click at once; it goes back if the save fails.
    setValue({ ...value, ...change });
    void form.run(async () => {
      try {
        setValue(await call('suppliers.save', { ...before, ...change }));
        form.succeed(s.saved);
      } catch (e) {
        setValue(before);
        throw e;
      }
    });
  }

  return (
    <tr data-testid="inv-supplier-row" data-cuit={supplier.cuit}>
      <td className="strong">{value.name}</td>
      <td className="mono nowrap">{formatCuit(value.cuit)}</td>
      <td>
        <input
          type="checkbox"
          checked={value.pricesIncludeIva}
          disabled={!canWrite || form.busy}
          aria-label={`${s.includesIva}: ${value.name}`}
          onChange={(e) => save({ pricesIncludeIva: e.target.checked })}
          data-testid="inv-supplier-row-iva"
        />
      </td>
      <td>
        <input
          type="checkbox"
          checked={value.pricesPerPack}
          disabled={!canWrite || form.busy}
          aria-label={`${s.perPack}: ${value.name}`}
          onChange={(e) => save({ pricesPerPack: e.target.checked })}
          data-testid="inv-supplier-row-pack"
        />
      </td>
      <td aria-live="polite">
        {form.message && (
          <span
            className={form.message.ok ? 'positive small' : 'field-error small'}
            data-testid="inv-supplier-row-status"
          >
            {form.message.text}
          </span>
        )}
      </td>
    </tr>
  );
}

function SupplierSettingsList() {
  const canWrite = useCan('invoices.write');
  const suppliers = useQuery('suppliers.list', {});
  return (
    <section
      className="card stack"
      aria-labelledby="inv-suppliers-title"
      data-testid="inv-suppliers"
    >
      <h2 id="inv-suppliers-title">{s.title}</h2>
      {suppliers.error && <p className="error-box">{suppliers.error}</p>}
      {suppliers.data?.length === 0 && <p className="muted">{s.none}</p>}
      {(suppliers.data?.length ?? 0) > 0 && (
        <div className="table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{s.name}</th>
                <th scope="col">{s.cuit}</th>
                <th scope="col">{s.includesIva}</th>
                <th scope="col">{s.perPack}</th>
                <th scope="col">
                  <span className="sr-only">{t.saving}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {suppliers.data?.map((sup) => (
                <SupplierRow key={sup.cuit} supplier={sup} canWrite={canWrite} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MonthlyTotals() {
  const [today] = useState(() => new Date());
  const months = lastMonths(today);
  const totals = useQuery('invoices.supplierTotals', monthsWindow(months, today));
  const [cuit, setCuit] = useState('');
  const rows = totals.data ?? [];
  const groups = monthGroups(rows, cuit);
  const series = monthlySeries(rows, months, cuit);

  return (
    <section className="card stack" aria-labelledby="inv-totals-title" data-testid="inv-totals">
      <div className="toolbar">
        <div className="grow">
          <h2 id="inv-totals-title">{s.totalsTitle}</h2>
          <p className="muted small">{s.totalsIntro}</p>
        </div>
        <label className="field">
          <span>{s.supplier}</span>
          <select
            value={cuit}
            onChange={(e) => setCuit(e.target.value)}
            data-testid="inv-totals-supplier"
          >
            <option value="">{s.all}</option>
            {suppliersOf(rows).map((sup) => (
              <option key={sup.cuit} value={sup.cuit}>
                {sup.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {totals.error && <p className="error-box">{totals.error}</p>}
      {series.some((p) => p.total !== 0) && <SupplierChart series={series} />}
      {totals.data && groups.length === 0 && (
        <p className="muted" data-testid="inv-totals-empty">
          {s.noTotals}
        </p>
      )}
      {groups.length > 0 && (
        <div className="table-wrap">
          <table className="table compact" data-testid="inv-totals-table">
            <thead>
              <tr>
                <th scope="col">{s.month}</th>
                <th scope="col">{s.supplier}</th>
                <th scope="col">{s.cuit}</th>
                <th scope="col" className="num">
                  {s.count}
                </th>
                <th scope="col" className="num">
                  {s.total}
                </th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.month} data-testid="inv-totals-month" data-month={g.month}>
                {g.rows.map((row) => (
                  <tr key={row.cuit} data-testid="inv-totals-row" data-cuit={row.cuit}>
                    <td className="nowrap">{monthLabel(g.month)}</td>
                    <td>{row.name}</td>
                    <td className="mono nowrap">{formatCuit(row.cuit)}</td>
                    <td className="num">{formatInteger(row.count)}</td>
                    <td className={row.total < 0 ? 'num negative' : 'num'}>
                      {formatMoney(row.total)}
                    </td>
                  </tr>
                ))}
                <tr className="inv-month-total">
                  <td colSpan={3} className="strong">
                    {s.monthTotal} · {monthLabel(g.month)}
                  </td>
                  <td className="num strong">{formatInteger(g.count)}</td>
                  <td className="num strong" data-testid="inv-totals-month-total">
                    {formatMoney(g.total)}
                  </td>
                </tr>
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

/** Proveedores: each supplier's habits, and what was bought from them month by month. */
export function SuppliersPage() {
  return (
    <div className="stack">
      <SupplierSettingsList />
      <MonthlyTotals />
    </div>
  );
}
