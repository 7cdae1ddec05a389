import { useEffect } from 'react';
import { connectSession, useSession } from './stores/session.ts';
import { RecoveryScreen } from './features/startup/RecoveryScreen.tsx';
import { SetupScreen } from './features/startup/SetupScreen.tsx';
import { LoginScreen } from './features/startup/LoginScreen.tsx';
import { Shell } from './features/shell/Shell.tsx';
import { t } from './lib/strings.ts';

export function App() {
  const phase = useSession((s) => s.phase);
  const start = useSession((s) => s.start);

  useEffect(() => {
    const disconnect = connectSession();
    void start();
    return disconnect;
  }, [start]);

  switch (phase.kind) {
    case 'starting':
      return (
        <main className="splash" aria-busy="true">
          <div className="brand-mark" aria-hidden="true">
            $
          </div>
          <p>{t.loading}</p>
        </main>
      );
    case 'unreachable':
      return <RecoveryScreen title={t.recovery.connectionTitle} message={phase.message} />;
    case 'recovery':
      return (
        <RecoveryScreen
          title={t.recovery.title}
          message={phase.status.message}
          code={phase.status.code}
          dataDir={phase.status.dataDir}
        />
      );
    case 'setup':
      return <SetupScreen />;
    case 'login':
      return <LoginScreen />;
    case 'ready':
      return <Shell />;
  }
}
