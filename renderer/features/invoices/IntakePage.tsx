import { useState, type DragEvent } from 'react';
import { t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { ACCEPT_ATTRIBUTE, isActive, overall } from './batch.ts';
import { useInvoiceBatch } from './batch-store.ts';
import { BatchRow } from './BatchRow.tsx';

const w = t.invoices.intake;

/** Cargar: drop or pick up to 50 supplier files; they are read one by one in the background. */
export function IntakePage() {
  const canWrite = useCan('invoices.write');
  const items = useInvoiceBatch((s) => s.items);
  const notice = useInvoiceBatch((s) => s.notice);
  const addFiles = useInvoiceBatch((s) => s.addFiles);
  const cancel = useInvoiceBatch((s) => s.cancel);
  const dispatch = useInvoiceBatch((s) => s.dispatch);
  const [dragging, setDragging] = useState(false);

  if (!canWrite) return <p className="notice">{t.invoices.noWrite}</p>;

  const progress = overall({ items });
  const active = items.some(isActive);
  const finished = items.some((i) => !isActive(i));

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    addFiles([...e.dataTransfer.files]);
  }

  return (
    <section className="stack" aria-labelledby="intake-title">
      <h2 id="intake-title">{w.title}</h2>
      <div
        className={dragging ? 'dropzone inv-dropzone dragging' : 'dropzone inv-dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="inv-dropzone"
      >
        <p className="lead">{w.drop}</p>
        <label className="btn primary big">
          {w.pick}
          <input
            type="file"
            multiple
            accept={ACCEPT_ATTRIBUTE}
            className="sr-only"
            onChange={(e) => {
              addFiles([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
            data-testid="inv-file-input"
          />
        </label>
        <p className="muted small">{w.hint}</p>
      </div>
      {notice && (
        <p className="error-box" role="alert" data-testid="inv-batch-error">
          {notice}
        </p>
      )}
      {items.length > 0 && (
        <div className="card stack" data-testid="inv-batch">
          <div className="toolbar">
            <div className="grow">
              <p className="strong" data-testid="inv-batch-count">
                {w.overall(progress.done, progress.total)}
              </p>
              <progress
                value={progress.done}
                max={Math.max(1, progress.total)}
                aria-label={w.overall(progress.done, progress.total)}
                data-testid="inv-batch-progress"
              />
            </div>
            {active && (
              <button
                type="button"
                className="btn danger"
                onClick={() => void cancel()}
                data-testid="inv-batch-cancel"
              >
                {w.cancel}
              </button>
            )}
            {finished && (
              <button
                type="button"
                className="btn"
                onClick={() => dispatch({ type: 'clearFinished' })}
                data-testid="inv-batch-clear"
              >
                {w.clear}
              </button>
            )}
          </div>
          <ul className="plain-list inv-batch-list" aria-label={w.listLabel}>
            {items.map((item) => (
              <BatchRow key={item.jobId} item={item} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
