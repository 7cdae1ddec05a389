import { useState } from 'react';
import type { DataErrorCode } from '../../../shared/contract/index.ts';
import { useSession } from '../../stores/session.ts';
import { t } from '../../lib/strings.ts';

type Props = {
  title: string;
  message: string;
  code?: DataErrorCode;
  dataDir?: string;
};

/** Shown instead of the app when the data folder cannot be opened, or the host is unreachable. */
export function RecoveryScreen({ title, message, code, dataDir }: Props) {
  const start = useSession((s) => s.start);
  const [busy, setBusy] = useState(false);

  async function retry() {
    setBusy(true);
    try {
      await start();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="center-screen">
      <section
        className="card recovery"
        data-testid="recovery-screen"
        aria-labelledby="recovery-title"
      >
        <h1 id="recovery-title" className="danger-title">
          {title}
        </h1>
        <p className="lead" data-testid="recovery-message">
          {message}
        </p>
        {dataDir !== undefined && (
          <p>
            <span className="muted">{t.recovery.folder}: </span>
            <code data-testid="recovery-datadir">{dataDir}</code>
          </p>
        )}
        {code === 'DATA_TOO_NEW' && <p className="notice">{t.recovery.tooNew}</p>}
        <h2>{t.recovery.adviceTitle}</h2>
        {dataDir !== undefined ? (
          <ul className="advice">
            {code === 'DATA_LOCKED' && <li>{t.recovery.lockedAdvice}</li>}
            {t.recovery.advice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p>{t.recovery.connectionAdvice}</p>
        )}
        <button
          type="button"
          className="btn primary big"
          onClick={() => void retry()}
          disabled={busy}
          data-testid="recovery-retry"
          autoFocus
        >
          {busy ? t.loading : t.retry}
        </button>
      </section>
    </main>
  );
}
