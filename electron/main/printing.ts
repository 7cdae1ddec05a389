import { BrowserWindow } from 'electron';
import type { Devices } from '../core/context.ts';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A receipt as a tiny HTML page: monospace lines at the paper's width, no margins. */
function receiptHtml(lines: string[], width: 58 | 80): string {
  const fontPx = width === 58 ? 11 : 12;
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>@page{size:${width}mm auto;margin:0}body{margin:0;padding:2mm;font:${fontPx}px/1.25 'DejaVu Sans Mono',Consolas,monospace;white-space:pre}</style>
</head><body>${lines.map(escapeHtml).join('\n')}</body></html>`;
}

async function printHtml(
  html: string,
  opts: { printerName: string | null; widthMm: number },
): Promise<{ printed: boolean; message: string | null }> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await new Promise((resolve) => {
      win.webContents.print(
        {
          silent: true,
          printBackground: false,
          ...(opts.printerName ? { deviceName: opts.printerName } : {}),
          margins: { marginType: 'none' },
          pageSize: { width: opts.widthMm * 1000, height: 297_000 },
        },
        (success, failureReason) =>
          resolve({
            printed: success,
            message: success
              ? null
              : `No se pudo imprimir: ${failureReason || 'impresora no disponible'}`,
          }),
      );
    });
  } finally {
    win.destroy();
  }
}

/**
 * The desktop window's hardware: receipts print silently on the chosen printer. Thermal printer
 * drivers open the cash drawer on a job when so configured (the usual setup for a POS printer),
 * so the drawer is kicked by sending the printer an empty job.
 */
export function createElectronDevices(): Devices {
  return {
    printReceipt: (lines, opts) =>
      printHtml(receiptHtml(lines, opts.width), {
        printerName: opts.printerName,
        widthMm: opts.width,
      }),
    openDrawer: async (printerName) =>
      (await printHtml(receiptHtml([''], 58), { printerName, widthMm: 58 })).printed,
  };
}
