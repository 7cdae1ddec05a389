import { ipcMain, type WebContents } from 'electron';
import type { AppEvent } from '../../shared/contract/index.ts';
import type { Core } from '../core/app.ts';

export const INVOKE_CHANNEL = 'caja:invoke';
export const EVENT_CHANNEL = 'caja:event';

/**
 * Wires the contract to ipcMain. Each window gets its own core session, as a browser
 * tab does through its cookie; the renderer never names the session itself.
 */
export function wireIpc(
  core: Core,
  isTrustedSender: (wc: WebContents, frameUrl: string) => boolean,
): () => void {
  const sessions = new Map<number, string>();
  const sessionFor = (wc: WebContents): string => {
    let id = sessions.get(wc.id);
    if (!id) {
      id = core.createSession();
      sessions.set(wc.id, id);
      wc.once('destroyed', () => {
        core.dropSession(id as string);
        sessions.delete(wc.id);
      });
    }
    return id;
  };
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.sender, event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Origen no permitido' } };
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Operación desconocida' } };
    }
    return core.invoke(channel, input, { kind: 'session', sessionId: sessionFor(event.sender) });
  });
  const listeners = new Set<WebContents>();
  ipcMain.on('caja:subscribe', (event) => {
    if (!isTrustedSender(event.sender, event.senderFrame?.url ?? '')) return;
    listeners.add(event.sender);
    event.sender.once('destroyed', () => listeners.delete(event.sender));
  });
  const unsubscribe = core.subscribe((e: AppEvent) => {
    for (const wc of listeners) if (!wc.isDestroyed()) wc.send(EVENT_CHANNEL, e);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeAllListeners('caja:subscribe');
  };
}
