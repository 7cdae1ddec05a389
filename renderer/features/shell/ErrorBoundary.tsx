import { Component, type ReactNode } from 'react';
import { t } from '../../lib/strings.ts';

type State = { error: Error | null };

// A bug in one screen must not blank the whole counter: show it and let the user move on.
// A class because React has no hook for error boundaries.
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <section className="page">
          <div className="error-box" role="alert">
            <strong>{t.unexpected}</strong> {this.state.error.message}
          </div>
          <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
            {t.retry}
          </button>
        </section>
      );
    }
    return this.props.children;
  }
}
