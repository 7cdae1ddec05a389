import { useState } from 'react';
import { call, errorMessage } from '../../lib/api.ts';
import { downloadBase64 } from '../../lib/base64.ts';
import { formatInteger } from '../../lib/format.ts';
import { t } from '../../lib/strings.ts';

type Encoding = 'utf-8' | 'windows-1252';

export function ExportButton() {
  const [encoding, setEncoding] = useState<Encoding>('utf-8');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function exportCatalog() {
    setBusy(true);
    setMessage(null);
    try {
      const file = await call('catalog.export', { encoding });
      downloadBase64(file.fileName, file.contentBase64, `text/csv;charset=${encoding}`);
      setMessage({ ok: true, text: t.exporter.done(formatInteger(file.rows), file.fileName) });
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export">
      <label className="field inline-field">
        <span>{t.exporter.encoding}</span>
        <select
          value={encoding}
          onChange={(e) => setEncoding(e.target.value as Encoding)}
          data-testid="export-encoding"
        >
          <option value="utf-8">{t.exporter.utf8}</option>
          <option value="windows-1252">{t.exporter.excel}</option>
        </select>
      </label>
      <button
        type="button"
        className="btn"
        onClick={() => void exportCatalog()}
        disabled={busy}
        data-testid="export-catalog"
      >
        {busy ? t.loading : t.exporter.button}
      </button>
      {message && (
        <span
          className={message.ok ? 'positive small' : 'negative small'}
          role="status"
          data-testid="export-result"
        >
          {message.text}
        </span>
      )}
    </div>
  );
}
