import { useEffect, useState } from 'react';
import type { AuditEntry, AuditVerifyResult } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { t } from '../../lib/strings.ts';
import { describeChange } from './audit-format.ts';

const PAGE = 100;
const a = t.audit;

export function AuditPage() {
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    let live = true;
    call('audit.list', { limit: PAGE }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setTotal(page.total);
        setError(null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [version]);

  async function loadOlder() {
    const last = items[items.length - 1];
    if (!last) return;
    try {
      const page = await call('audit.list', { limit: PAGE, beforeSeq: last.seq });
      setItems([...items, ...page.items]);
      setTotal(page.total);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function runVerify() {
    setVerifying(true);
    setVerify(null);
    setError(null);
    try {
      setVerify(await call('audit.verify', {}));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  }

  const oldest = items[items.length - 1];
  const hasOlder =
    oldest !== undefined && oldest.seq > 1 && (total === null || items.length < total);

  return (
    <div className="stack">
      <div className="toolbar">
        <p className="grow muted">{total === null ? t.loading : a.count(formatInteger(total))}</p>
        <button type="button" className="btn" onClick={() => setVersion((v) => v + 1)}>
          {a.refresh}
        </button>
        <button
          type="button"
          className="btn primary"
          onClick={() => void runVerify()}
          disabled={verifying}
          data-testid="audit-verify"
        >
          {verifying ? a.verifying : a.verify}
        </button>
      </div>
      {verify && <VerifyResult result={verify} />}
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      <div className="card table-wrap">
        <table className="table audit" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">{a.col.date}</th>
              <th scope="col">{a.col.user}</th>
              <th scope="col">{a.col.action}</th>
              <th scope="col">{a.col.entity}</th>
              <th scope="col">{a.col.detail}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
        {hasOlder && (
          <button
            type="button"
            className="btn"
            onClick={() => void loadOlder()}
            data-testid="audit-more"
          >
            {a.older}
          </button>
        )}
      </div>
    </div>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const lines = describeChange(entry.before, entry.after);
  return (
    <tr data-testid="audit-row">
      <td className="num mono">{entry.seq}</td>
      <td className="nowrap">{formatDateTime(entry.at)}</td>
      <td>{entry.actor}</td>
      <td className="mono">{entry.action}</td>
      <td>
        {entry.entity}
        {entry.entityId && (
          <div className="muted small mono ellipsis" title={entry.entityId}>
            {entry.entityId}
          </div>
        )}
      </td>
      <td className="detail">
        <div className="detail-lines">
          {lines.slice(0, 4).map((line, i) => (
            <span key={i} className="mono small">
              {line}
            </span>
          ))}
        </div>
        {(lines.length > 4 || entry.before !== null || entry.after !== null) && (
          <details>
            <summary className="small">
              {lines.length > 4 ? a.moreFields(lines.length - 4) : a.json}
            </summary>
            <pre className="json">
              {JSON.stringify(
                { antes: entry.before ?? null, despues: entry.after ?? null },
                null,
                2,
              )}
            </pre>
          </details>
        )}
      </td>
    </tr>
  );
}

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  if (result.ok && result.firstBroken === null && result.stateMismatches.length === 0) {
    return (
      <p className="ok-box big-text" role="status" data-testid="audit-result">
        {a.intact(formatInteger(result.checked))}
      </p>
    );
  }
  return (
    <div className="error-box" role="alert" data-testid="audit-result">
      <h3>{a.broken}</h3>
      <p>{a.checked(formatInteger(result.checked))}</p>
      {result.firstBroken && (
        <p data-testid="audit-first-broken">
          <strong>{a.firstBroken(result.firstBroken.seq)}</strong> {result.firstBroken.message}
        </p>
      )}
      {result.stateMismatches.length > 0 && (
        <>
          <p className="strong">{a.mismatches(result.stateMismatches.length)}</p>
          <ul data-testid="audit-mismatches">
            {result.stateMismatches.map((m, i) => (
              <li key={i}>
                {m.seq !== null && <span className="mono">#{m.seq} </span>}
                {m.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
