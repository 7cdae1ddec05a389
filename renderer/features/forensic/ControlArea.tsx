import { NAV, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { AuditPage } from './AuditPage.tsx';

// Only the audit log exists so far; fraud checks will join it here as further tabs.
export function ControlArea() {
  const canRead = useCan('audit.read');
  return (
    <section className="page" aria-labelledby="control-title" data-testid="page-control">
      <header className="page-head">
        <h1 id="control-title">{NAV.control}</h1>
        <nav className="tabs" aria-label={NAV.control}>
          <a href="#/control/auditoria" className="tab active" aria-current="page">
            {t.audit.title}
          </a>
        </nav>
      </header>
      {canRead ? <AuditPage /> : <p className="notice">{t.noPermission}</p>}
    </section>
  );
}
