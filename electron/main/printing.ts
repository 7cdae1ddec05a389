import { BrowserWindow } from 'electron';
import type { Devices } from '../core/context.ts';
import { receiptHtml } from './receipt-html.ts';

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
      printHtml(receiptHtml(lines, opts.width, opts.barcode), {
        printerName: opts.printerName,
        widthMm: opts.width,
      }),
    openDrawer: async (printerName) =>
      (await printHtml(receiptHtml([''], 58, null), { printerName, widthMm: 58 })).printed,
  };
}
