import { NAV, t } from '../../lib/strings.ts';

export function ComingSoon({ area }: { area: 'analisis' }) {
  return (
    <section className="page" aria-labelledby="soon-title" data-testid={`page-${area}`}>
      <header className="page-head">
        <h1 id="soon-title">{NAV[area]}</h1>
      </header>
      <div className="card soon">
        <h2>{t.soon.title}</h2>
        <p>{t.soon[area]}</p>
        <p className="muted">{t.soon.note}</p>
      </div>
    </section>
  );
}
