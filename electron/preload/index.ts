import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, type AppEvent } from '../../shared/contract/index.ts';

const known = new Set<string>(CHANNEL_NAMES);

/**
 * The window's only door to the core: `window.api.invoke(channel, input)` for
 * channels of the contract, and `subscribe` for events. ipcRenderer itself is
 * never exposed.
 */
contextBridge.exposeInMainWorld('api', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!known.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Operación desconocida: ${channel}` },
      });
    }
    return ipcRenderer.invoke('caja:invoke', channel, input);
  },
  subscribe(listener: (event: AppEvent) => void): () => void {
    const handler = (_e: IpcRendererEvent, event: AppEvent): void => listener(event);
    ipcRenderer.on('caja:event', handler);
    ipcRenderer.send('caja:subscribe');
    return () => ipcRenderer.removeListener('caja:event', handler);
  },
});
