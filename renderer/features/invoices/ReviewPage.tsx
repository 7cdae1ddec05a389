import type { InvoiceDetail } from '../../../shared/contract/index.ts';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { INVOICE_KIND_LABEL, INVOICE_STATUS_LABEL, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { ApplyResultPanel } from './ApplyResultPanel.tsx';
import { ChecksList } from './ChecksList.tsx';
import { HeaderFields } from './HeaderFields.tsx';
import { invoiceCode } from './invoice-format.ts';
import { tabHash } from './invoice-routes.ts';
import { LinesTable } from './LinesTable.tsx';
import { PageViewer } from './PageViewer.tsx';
import { ReviewActions, ReviewConfirm } from './ReviewActions.tsx';
import { inputId, keyForPath, looseNetByRate } from './review-form.ts';
import { SupplierToggles } from './SupplierToggles.tsx';
import { useReview } from './useReview.ts';

const r = t.invoices.review;

/** `#/facturas/revisar/<id>`: loads the invoice, then the editor owns it. */
export function ReviewPage({ id }: { id: string }) {
  const invoice = useQuery('invoices.get', { id });
  if (invoice.error) {
    return (
      <div className="stack">
        <a className="btn link" href={tabHash('cargar')} data-testid="inv-review-back">
          ← {r.back}
        </a>
        <p className="error-box" role="alert" data-testid="inv-review-error">
          {invoice.error}
        </p>
      </div>
    );
  }
  if (!invoice.data) return <p className="muted pad">{t.loading}</p>;
  return <ReviewEditor initial={invoice.data} />;
}

function ReviewEditor({ initial }: { initial: InvoiceDetail }) {
  const canWrite = useCan('invoices.write');
  const review = useReview(initial);
  const { detail, form } = review;
  const readOnly = !canWrite || detail.status !== 'borrador';
  const header = form.header;
  const code = invoiceCode(
    header.letter || null,
    Number(header.pointOfSale) || null,
    Number(header.number) || null,
  );
  const title = r.title(header.kind ? INVOICE_KIND_LABEL[header.kind] : null, code);
  const costCtx = {
    letter: header.letter,
    supplierIncludesIva: review.habits.pricesIncludeIva,
    netByRate: looseNetByRate(header.rates),
  };

  function goTo(field: string) {
    // 'items' (the lines do not add up) or 'items.3': the line's first input.
    const item = /^items(?:\.(\d+))?/.exec(field);
    if (item) {
      const line = item[1] === undefined ? '' : `[data-index="${item[1]}"]`;
      document.querySelector<HTMLElement>(`[data-testid="inv-line"]${line} input`)?.focus();
      return;
    }
    const key = keyForPath(field);
    if (key) document.getElementById(inputId(key))?.focus();
  }

  return (
    <div
      className="stack inv-review"
      data-testid="inv-review"
      data-status={detail.status}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && !readOnly) {
          e.preventDefault();
          void review.save();
        }
      }}
    >
      <div className="page-subhead">
        <a
          className="btn link"
          href={tabHash(detail.status === 'borrador' ? 'cargar' : 'historial')}
          data-testid="inv-review-back"
        >
          ← {r.back}
        </a>
        <h2 data-testid="inv-review-title">{title}</h2>
        <span className={`badge inv-status-${detail.status}`} data-testid="inv-review-status">
          {INVOICE_STATUS_LABEL[detail.status]}
        </span>
        <span className="muted small">
          {r.file}: {detail.fileName}
        </span>
      </div>
      {detail.status === 'aplicada' && detail.appliedAt !== null && (
        <p className="notice" data-testid="inv-applied-notice">
          {r.appliedNotice(formatDate(detail.appliedAt))}
        </p>
      )}
      {review.result && <ApplyResultPanel result={review.result} />}
      {readOnly && review.message && (
        <p className={review.message.ok ? 'ok-box' : 'error-box'} data-testid="inv-save-result">
          {review.message.text}
        </p>
      )}
      <ChecksList checks={detail.checks} onGoTo={goTo} />
      <div className="inv-review-layout">
        <PageViewer invoiceId={detail.id} pages={detail.pages} boxes={review.focusBoxes} />
        <div className="stack inv-review-form">
          <HeaderFields
            header={header}
            fields={detail.fields}
            errors={review.errors}
            readOnly={readOnly}
            onChange={review.setHeader}
            onFocusBoxes={review.setFocusBoxes}
          />
          <SupplierToggles
            letter={header.letter}
            issuerName={header.issuerName}
            issuerCuit={header.issuerCuit}
            value={review.habits}
            readOnly={readOnly}
            onSaved={review.supplierSaved}
          />
          <LinesTable
            lines={form.lines}
            errors={review.errors}
            readOnly={readOnly}
            ctx={costCtx}
            issuerCuit={header.issuerCuit}
            onChange={review.setLines}
            onFocusBoxes={review.setFocusBoxes}
          />
          {!readOnly && (
            <ReviewActions
              defaultLocationId={detail.locationId}
              checks={detail.checks}
              busy={review.busy}
              dirty={review.dirty}
              message={review.message}
              onSave={() => void review.save()}
              onApply={(locationId) => void review.requestApply(locationId)}
              onDiscard={() => review.setConfirm({ kind: 'discard' })}
            />
          )}
        </div>
      </div>
      <ReviewConfirm
        confirm={review.confirm}
        onClose={() => review.setConfirm(null)}
        onApply={() => {
          const c = review.confirm;
          if (c?.kind === 'apply') void review.apply(c.locationId);
        }}
        onDiscard={() => void review.discard()}
      />
    </div>
  );
}
