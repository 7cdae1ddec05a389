import type { ReactNode } from 'react';
import { t } from '../../lib/strings.ts';

/**
 * An area of the app with its title, its tabs as links (`#/<area>/<tab>`), and its body, or a
 * notice when the user may not see it.
 */
export function TabbedArea<T extends string>(props: {
  /** Also names the page for tests: `page-<id>`, `<tabPrefix>-tab-<name>`. */
  id: string;
  title: string;
  tabs: readonly T[];
  /** The tab shown, or null when the body is a page of its own (no tab lit). */
  current: T | null;
  names: Readonly<Record<T, string>>;
  hrefOf: (tab: T) => string;
  tabPrefix: string;
  allowed: boolean;
  children: ReactNode;
}) {
  const titleId = `${props.id}-title`;
  return (
    <section className="page" aria-labelledby={titleId} data-testid={`page-${props.id}`}>
      <header className="page-head">
        <h1 id={titleId}>{props.title}</h1>
        <nav className="tabs" aria-label={props.title}>
          {props.tabs.map((name) => (
            <a
              key={name}
              href={props.hrefOf(name)}
              className={props.current === name ? 'tab active' : 'tab'}
              aria-current={props.current === name ? 'page' : undefined}
              data-testid={`${props.tabPrefix}-tab-${name}`}
            >
              {props.names[name]}
            </a>
          ))}
        </nav>
      </header>
      {props.allowed ? props.children : <p className="notice">{t.noPermission}</p>}
    </section>
  );
}
