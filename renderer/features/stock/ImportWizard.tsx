import { useState, type DragEvent } from 'react';
import type { ImportPreview, ImportResult, JobProgress } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { bytesToBase64 } from '../../lib/base64.ts';
import { formatInteger } from '../../lib/format.ts';
import { useAppEvent, useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { ExportButton } from './ExportButton.tsx';
import { ImportPreviewView } from './ImportPreviewView.tsx';

type Step =
  | { kind: 'pick' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'committing'; preview: ImportPreview; progress: JobProgress | null }
  | { kind: 'done'; preview: ImportPreview; result: ImportResult };

const w = t.importer;

export function ImportWizard() {
  const canImport = useCan('catalog.import');
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [locationId, setLocationId] = useState('');
  const locations = useQuery('stock.locations', {}, { enabled: canImport });

  useAppEvent('jobs.progress', (progress) => {
    // The core keys the import job by its importId.
    setStep((s) =>
      s.kind === 'committing' && progress.jobId === s.preview.importId ? { ...s, progress } : s,
    );
  });

  if (!canImport) {
    return (
      <section className="stack">
        <p className="notice">{t.noPermission}</p>
        <ExportButton />
      </section>
    );
  }

  async function pick(file: File | undefined) {
    if (!file) return;
    setError(null);
    setStep({ kind: 'reading', fileName: file.name });
    try {
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const preview = await call('catalog.importPreview', { fileName: file.name, contentBase64 });
      setStep({ kind: 'preview', preview });
    } catch (e) {
      setError(errorMessage(e));
      setStep({ kind: 'pick' });
    }
  }

  async function commit(preview: ImportPreview) {
    setError(null);
    setStep({ kind: 'committing', preview, progress: null });
    try {
      const result = await call('catalog.importCommit', {
        importId: preview.importId,
        ...(locationId ? { locationId } : {}),
      });
      setStep({ kind: 'done', preview, result });
    } catch (e) {
      setError(errorMessage(e));
      setStep({ kind: 'preview', preview });
    }
  }

  async function cancel(preview: ImportPreview) {
    setError(null);
    await call('catalog.importCancel', { importId: preview.importId }).catch(() => undefined);
    setStep({ kind: 'pick' });
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void pick(e.dataTransfer.files[0]);
  }

  return (
    <section className="stack" aria-labelledby="import-title">
      <div className="toolbar">
        <h2 id="import-title" className="grow">
          {w.title}
        </h2>
        <ExportButton />
      </div>
      {error && (
        <p className="error-box" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {(step.kind === 'pick' || step.kind === 'reading') && (
        <div
          className={dragging ? 'dropzone dragging' : 'dropzone'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-dropzone"
        >
          <p className="lead">{step.kind === 'reading' ? w.reading(step.fileName) : w.drop}</p>
          <label className="btn primary">
            {w.pick}
            <input
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              className="sr-only"
              disabled={step.kind === 'reading'}
              onChange={(e) => {
                void pick(e.target.files?.[0]);
                e.target.value = '';
              }}
              data-testid="import-file"
            />
          </label>
          <p className="muted small">{w.formatHint}</p>
        </div>
      )}
      {step.kind === 'preview' && (
        <>
          <ImportPreviewView preview={step.preview} />
          <div className="card actions-row">
            <label className="field">
              <span>{w.location}</span>
              <select
                value={locationId}
                onChange={(e) => setLocationId(e.target.value)}
                data-testid="import-location"
              >
                <option value="">{w.defaultLocation}</option>
                {locations.data
                  ?.filter((l) => l.active)
                  .map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
              </select>
            </label>
            <button
              type="button"
              className="btn primary big"
              disabled={step.preview.validRows === 0}
              onClick={() => void commit(step.preview)}
              data-testid="import-commit"
            >
              {w.commit(formatInteger(step.preview.validRows))}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => void cancel(step.preview)}
              data-testid="import-cancel"
            >
              {t.cancel}
            </button>
          </div>
        </>
      )}
      {step.kind === 'committing' && (
        <ImportProgress progress={step.progress} total={step.preview.validRows} />
      )}
      {step.kind === 'done' && (
        <div className="ok-box card" role="status" data-testid="import-result">
          <h3>{w.doneTitle}</h3>
          <ul className="stats">
            <li>
              <strong>{formatInteger(step.result.created)}</strong> {w.created}
            </li>
            <li>
              <strong>{formatInteger(step.result.updated)}</strong> {w.updated}
            </li>
            <li>
              <strong>{formatInteger(step.result.skipped)}</strong> {w.skipped}
            </li>
            <li>
              <strong>{formatInteger(step.result.stockMovements)}</strong> {w.movements}
            </li>
          </ul>
          <button
            type="button"
            className="btn"
            onClick={() => setStep({ kind: 'pick' })}
            data-testid="import-again"
          >
            {w.again}
          </button>
        </div>
      )}
    </section>
  );
}

function ImportProgress({ progress, total }: { progress: JobProgress | null; total: number }) {
  const done = progress?.done ?? 0;
  const max = progress?.total || total || 1;
  return (
    <div className="card" data-testid="import-progress">
      <p className="lead">{progress?.label ?? w.importing}</p>
      <progress value={done} max={max} aria-label={w.importing} />
      <p className="muted">
        {formatInteger(done)} / {formatInteger(max)}
      </p>
    </div>
  );
}
