import jsQRModule from 'jsqr';
import sharp from 'sharp';
import type { AfipQr } from '../../../../shared/contract/index.ts';

type JsQr = (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts?: 'dontInvert' | 'attemptBoth' },
) => { data: string } | null;
// A CommonJS module whose default export is the function itself under Node, and `.default` in bundles.
const jsQRExport = jsQRModule as unknown as { default?: JsQr };
const jsQR: JsQr =
  typeof jsQRExport === 'function' ? (jsQRExport as JsQr) : (jsQRExport.default as JsQr);

/** Width the page is reduced to before looking for the QR: a 30 mm code is still ~180 px. */
const QR_WIDTH = 1300;

/** Finds and decodes an AFIP QR on a prepared grayscale page; null when there is none. */
export async function findAfipQr(
  gray: Uint8Array,
  width: number,
  height: number,
): Promise<AfipQr | null> {
  const scale = Math.min(1, QR_WIDTH / width);
  const small = await sharp(gray, { raw: { width, height, channels: 1 } })
    .resize({ width: Math.round(width * scale) })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const found = decodeGray(small.data, small.info.width, small.info.height);
  if (found) return found;
  if (scale === 1) return null;
  // A small or blurred code: try again at full resolution.
  return decodeGray(gray, width, height);
}

function decodeGray(gray: Uint8Array, width: number, height: number): AfipQr | null {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += 4) {
    const v = gray[i] ?? 255;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  const code = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  return code ? parseAfipQrUrl(code.data) : null;
}

/**
 * `https://www.afip.gob.ar/fe/qr/?p=<base64 JSON>` → its JSON, checked for the fields that give
 * the header. Anything else (another QR on the page, a broken payload) is null.
 */
export function parseAfipQrUrl(text: string): AfipQr | null {
  const m = /[?&]p=([^&#\s]+)/.exec(text.trim());
  if (!m?.[1] || !/afip|arca/i.test(text)) return null;
  let payload = m[1];
  try {
    payload = decodeURIComponent(payload);
  } catch {
    return null;
  }
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  const num = (k: string): number | undefined => {
    const v = o[k];
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
  };
  const fecha = typeof o.fecha === 'string' ? o.fecha.slice(0, 10) : undefined;
  const cuit = num('cuit');
  const ptoVta = num('ptoVta');
  const tipoCmp = num('tipoCmp');
  const nroCmp = num('nroCmp');
  const importe = num('importe');
  if (!fecha || !/^\d{4}-\d{2}-\d{2}$/.test(fecha)) return null;
  if (cuit === undefined || ptoVta === undefined || tipoCmp === undefined) return null;
  if (nroCmp === undefined || importe === undefined) return null;
  const qr: AfipQr = {
    ver: num('ver') ?? 1,
    fecha,
    cuit,
    ptoVta,
    tipoCmp,
    nroCmp,
    importe,
    moneda: typeof o.moneda === 'string' ? o.moneda : 'PES',
    ctz: num('ctz') ?? 1,
  };
  const tipoDocRec = num('tipoDocRec');
  const nroDocRec = num('nroDocRec');
  const codAut = num('codAut');
  if (tipoDocRec !== undefined) qr.tipoDocRec = tipoDocRec;
  if (nroDocRec !== undefined) qr.nroDocRec = nroDocRec;
  if (typeof o.tipoCodAut === 'string') qr.tipoCodAut = o.tipoCodAut;
  if (codAut !== undefined) qr.codAut = codAut;
  return qr;
}
