import { app } from 'electron';
import electronUpdater from 'electron-updater';

type Log = (msg: string, data?: Record<string, unknown>) => void;

/**
 * Checks GitHub releases in the background. Off when unpackaged or under e2e; a failure
 * is logged and never interrupts the counter. The update installs when the app quits.
 */
export function startUpdater(log: Log): void {
  if (!app.isPackaged || process.env.CAJA_E2E === '1' || process.env.CAJA_NO_UPDATES === '1')
    return;
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (err: Error) => log('update failed', { error: err.message }));
  autoUpdater.on('update-downloaded', (info: { version: string }) =>
    log('update ready', { version: info.version }),
  );
  const check = (): void => {
    autoUpdater
      .checkForUpdates()
      .catch((err: unknown) => log('update check failed', { error: String(err) }));
  };
  setTimeout(check, 30_000).unref();
  setInterval(check, 6 * 60 * 60_000).unref();
}
