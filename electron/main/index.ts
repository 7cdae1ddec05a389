import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, type WebContents } from 'electron';
import { createCore, type Core } from '../core/app.ts';
import { createLogger } from '../core/logger.ts';
import { wireIpc } from './ipc.ts';
import { installMenu } from './menu.ts';
import { createElectronDevices } from './printing.ts';
import { hardenApp } from './security.ts';
import { startUpdater } from './updater.ts';

const log = createLogger('main');
const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
const rendererIndex = pathToFileURL(path.join(rendererDir, 'index.html')).toString();
const rendererPrefix = pathToFileURL(rendererDir + path.sep).toString();

const isOurs = (url: string): boolean => url === rendererIndex || url.startsWith(rendererPrefix);

function dataDirFromArgs(): string {
  const i = process.argv.indexOf('--data');
  const given = i >= 0 ? process.argv[i + 1] : undefined;
  return path.resolve(given ?? process.env.CAJA_DATA_DIR ?? app.getPath('userData'));
}

let core: Core | null = null;

// The invoice reader runs as its own bundle beside this one and finds the Spanish OCR data in
// the app's resources (inside the installer, or the repository when run from source).
process.env.CAJA_READER_WORKER ??= path.join(__dirname, 'invoice-reader.cjs');
process.env.CAJA_TESSDATA ??= app.isPackaged
  ? path.join(process.resourcesPath, 'resources', 'tessdata')
  : path.join(app.getAppPath(), 'resources', 'tessdata');

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    title: 'Caja',
    backgroundColor: '#f5f6f8',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererIndex);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenApp(isOurs);
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app
    .whenReady()
    .then(() => {
      core = createCore({
        dataDir: dataDirFromArgs(),
        version: app.getVersion(),
        devices: createElectronDevices(),
      });
      wireIpc(core, (wc: WebContents, frameUrl: string) => isOurs(frameUrl) && !wc.isDestroyed());
      installMenu(!app.isPackaged);
      createWindow();
      startUpdater((msg, data) => log.warn(msg, data));
    })
    .catch((err: unknown) => {
      log.error('start failed', { error: String(err) });
      app.quit();
    });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
}
