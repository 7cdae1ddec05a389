import { app, session, shell, type WebContents } from 'electron';
import { APP_CSP } from '../../shared/csp.ts';

/** Locks every window down: no navigation away, no new windows, no permissions, strict CSP. */
export function hardenApp(isAllowedUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAllowedUrl(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAllowedUrl(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the web (help, AFIP) open in the system browser, never inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app
    .whenReady()
    .then(() => {
      session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
        callback(false),
      );
      session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({
          responseHeaders: {
            ...details.responseHeaders,
            'Content-Security-Policy': [APP_CSP],
          },
        });
      });
    })
    .catch(() => undefined);
}
