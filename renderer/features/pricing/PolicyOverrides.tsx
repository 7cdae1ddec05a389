import { Fragment, useState } from 'react';
import type { PolicyList, PolicyRow } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { FormResult } from '../../lib/fields.tsx';
import { useFormSubmit } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import {
  POLICY_SCOPE_LABEL,
  ROUNDING_LABEL,
  pricingSetupStrings,
} from '../../lib/strings-pricing-setup.ts';
import { OverrideForm } from './OverrideForm.tsx';
import { formatPercentBp } from './percent.ts';
import { sortPolicyRows } from './policy-form.ts';

const s = pricingSetupStrings.policies;

const keyOf = (r: PolicyRow) => `${r.scope}:${r.scopeId}`;

function Inherits() {
  return <span className="muted">{s.inherits}</span>;
}

function Cells({ row }: { row: PolicyRow }) {
  return (
    <>
      <td className="num">
        {row.markupBp === null ? <Inherits /> : formatPercentBp(row.markupBp)}
      </td>
      <td className="num">
        {row.minMarginBp === null ? <Inherits /> : formatPercentBp(row.minMarginBp)}
      </td>
      <td>{row.rounding === null ? <Inherits /> : ROUNDING_LABEL[row.rounding]}</td>
      <td className="num">{row.horizonDays === null ? <Inherits /> : s.days(row.horizonDays)}</td>
    </>
  );
}

/** The overrides by category, supplier and product: listed, edited in place, removed. */
export function PolicyOverrides({
  rows,
  canWrite,
  onChange,
}: {
  rows: PolicyRow[];
  canWrite: boolean;
  onChange(list: PolicyList): void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const remove = useFormSubmit();
  const columns = canWrite ? 7 : 6;

  function confirmRemove(row: PolicyRow) {
    if (row.scope === 'store') return;
    const scope = row.scope;
    void remove.run(async () => {
      const list = await call('pricing.policyDelete', { scope, scopeId: row.scopeId });
      setRemoving(null);
      remove.succeed(s.removed(row.label));
      onChange(list);
    });
  }

  return (
    <section className="card stack" aria-labelledby="policy-rows-title" data-testid="policy-rows">
      <div className="toolbar">
        <h2 id="policy-rows-title" className="grow">
          {s.overridesTitle}
        </h2>
        {canWrite && !adding && (
          <button
            type="button"
            className="btn primary"
            onClick={() => setAdding(true)}
            data-testid="policy-add"
          >
            {s.add}
          </button>
        )}
      </div>
      {adding && <OverrideForm onSaved={onChange} onCancel={() => setAdding(false)} />}
      <FormResult message={remove.message} testId="policy-remove-result" />
      {rows.length === 0 ? (
        <p className="muted" data-testid="policy-rows-empty">
          {s.noOverrides}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{s.scope}</th>
                <th scope="col">{s.name}</th>
                <th scope="col" className="num">
                  {s.markup}
                </th>
                <th scope="col" className="num">
                  {s.minMargin}
                </th>
                <th scope="col">{s.rounding}</th>
                <th scope="col" className="num">
                  {s.horizonShort}
                </th>
                {canWrite && (
                  <th scope="col">
                    <span className="sr-only">{s.actions}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {sortPolicyRows(rows).map((row) => {
                const key = keyOf(row);
                return (
                  <Fragment key={key}>
                    <tr data-testid="policy-row" data-scope={row.scope} data-scope-id={row.scopeId}>
                      <td className="nowrap">
                        {row.scope === 'store' ? '' : POLICY_SCOPE_LABEL[row.scope]}
                      </td>
                      <td className="strong">{row.label}</td>
                      <Cells row={row} />
                      {canWrite && (
                        <td className="nowrap">
                          {removing === key ? (
                            <span className="actions" style={{ flexWrap: 'nowrap' }}>
                              <span>{s.confirmRemove}</span>
                              <button
                                type="button"
                                className="btn small danger"
                                disabled={remove.busy}
                                onClick={() => confirmRemove(row)}
                                data-testid="policy-row-remove-yes"
                              >
                                {t.yes}
                              </button>
                              <button
                                type="button"
                                className="btn small link"
                                onClick={() => setRemoving(null)}
                              >
                                {t.no}
                              </button>
                            </span>
                          ) : (
                            <span className="actions" style={{ flexWrap: 'nowrap' }}>
                              <button
                                type="button"
                                className="btn small"
                                onClick={() => {
                                  setEditing(editing === key ? null : key);
                                  remove.clear();
                                }}
                                aria-expanded={editing === key}
                                data-testid="policy-row-edit"
                              >
                                {s.edit}
                              </button>
                              <button
                                type="button"
                                className="btn small link"
                                onClick={() => {
                                  setRemoving(key);
                                  remove.clear();
                                }}
                                data-testid="policy-row-remove"
                              >
                                {s.remove}
                              </button>
                            </span>
                          )}
                        </td>
                      )}
                    </tr>
                    {editing === key && (
                      <tr>
                        <td colSpan={columns}>
                          <OverrideForm
                            row={row}
                            onSaved={(list) => {
                              setEditing(null);
                              onChange(list);
                            }}
                            onCancel={() => setEditing(null)}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
