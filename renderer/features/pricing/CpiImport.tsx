import { useState, type DragEvent } from 'react';
import type { CpiSeries } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { t } from '../../lib/strings.ts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { importErrorLines } from './change-source.ts';

const s = pricingSetupStrings.inflation;

/** How many refused lines are listed; the rest are counted. */
const MAX_SHOWN_ERRORS = 30;

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; file: string }
  | { kind: 'preview'; file: string; csv: string; imported: number; changed: number }
  | { kind: 'errors'; file: string; lines: string[] }
  | { kind: 'done'; changed: number };

function isTextFile(file: File): boolean {
  return /\.(csv|txt)$/i.test(file.name) || file.type.startsWith('text/');
}

/** «Importar CSV»: a dry run first («N meses, M cambian»), then the import on confirmation. */
export function CpiImport({ onImported }: { onImported(series: CpiSeries): void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  async function check(file: File) {
    if (!isTextFile(file))
      return setStep({ kind: 'errors', file: file.name, lines: [s.importNotCsv] });
    setStep({ kind: 'busy', file: file.name });
    try {
      const csv = await file.text();
      if (csv.trim() === '')
        return setStep({ kind: 'errors', file: file.name, lines: [s.importEmpty] });
      const r = await call('pricing.cpiImport', { csv, dryRun: true });
      setStep({ kind: 'preview', file: file.name, csv, imported: r.imported, changed: r.changed });
    } catch (e) {
      setStep({ kind: 'errors', file: file.name, lines: importErrorLines(e) });
    }
  }

  async function confirm(csv: string, file: string) {
    setStep({ kind: 'busy', file });
    try {
      const r = await call('pricing.cpiImport', { csv, dryRun: false });
      onImported(r);
      setStep({ kind: 'done', changed: r.changed });
    } catch (e) {
      setStep({ kind: 'errors', file, lines: importErrorLines(e) });
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void check(file);
  }

  const busy = step.kind === 'busy';
  return (
    <section className="card stack" aria-labelledby="cpi-import-title" data-testid="cpi-import">
      <h2 id="cpi-import-title">{s.importTitle}</h2>
      <div
        className={dragging ? 'dropzone dragging' : 'dropzone'}
        style={{ padding: '1.2rem 1rem' }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="cpi-dropzone"
      >
        <p className="muted">{s.importDrop}</p>
        <label className="btn">
          {s.importPick}
          <input
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="sr-only"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void check(file);
            }}
            data-testid="cpi-file"
          />
        </label>
      </div>
      <p className="muted small">{s.importFormat}</p>
      {busy && (
        <p className="muted" role="status">
          {s.importChecking}
        </p>
      )}
      {step.kind === 'preview' && (
        <div className="stack" data-testid="cpi-import-preview">
          <p className="muted small">{s.file(step.file)}</p>
          <p className="strong" data-testid="cpi-import-summary">
            {s.importSummary(step.imported, step.changed)}
          </p>
          {step.changed === 0 && <p className="muted">{s.importNothing}</p>}
          <div className="actions">
            {step.changed > 0 && (
              <button
                type="button"
                className="btn primary"
                onClick={() => void confirm(step.csv, step.file)}
                data-testid="cpi-import-confirm"
              >
                {s.importConfirm}
              </button>
            )}
            <button type="button" className="btn link" onClick={() => setStep({ kind: 'idle' })}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {step.kind === 'errors' && (
        <div className="error-box" role="alert" data-testid="cpi-import-errors">
          <p className="muted small">{s.file(step.file)}</p>
          <p className="strong">{s.importErrorsTitle}</p>
          <ul className="advice">
            {step.lines.slice(0, MAX_SHOWN_ERRORS).map((line) => (
              <li key={line}>{line}</li>
            ))}
            {step.lines.length > MAX_SHOWN_ERRORS && (
              <li>{s.moreErrors(step.lines.length - MAX_SHOWN_ERRORS)}</li>
            )}
          </ul>
        </div>
      )}
      {step.kind === 'done' && (
        <p className="ok-box" role="status" data-testid="cpi-import-done">
          {s.importDone(step.changed)}
        </p>
      )}
    </section>
  );
}
