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

type Rect = { x: number; y: number; w: number; h: number };

const ATTEMPTS: [number, 'nearest' | 'cubic'][] = [
  [2, 'nearest'],
  [2, 'cubic'],
  [4, 'nearest'],
  [1, 'nearest'],
];

/**
 * Where a QR may be: square patches whose ink density is even and high (about half the area
 * dark, module after module), unlike text (a fifth) or a solid band (all). Found on a coarse
 * grid of blocks, smoothed so the code's white modules do not break the patch.
 */
export function qrCandidates(gray: Uint8Array, width: number, height: number): Rect[] {
  const b = Math.max(8, Math.round(width / 150));
  const cols = Math.floor(width / b);
  const rows = Math.floor(height / b);
  const density = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let dark = 0;
      let n = 0;
      for (let y = r * b; y < (r + 1) * b; y += 2) {
        for (let x = c * b; x < (c + 1) * b; x += 2) {
          n++;
          if ((gray[y * width + x] ?? 255) < 128) dark++;
        }
      }
      density[r * cols + c] = dark / n;
    }
  }
  const marked = new Uint8Array(cols * rows);
  for (let r = 1; r < rows - 1; r++) {
    for (let c = 1; c < cols - 1; c++) {
      let sum = 0;
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) sum += density[(r + dr) * cols + c + dc] ?? 0;
      const mean = sum / 9;
      if (mean >= 0.3 && mean <= 0.78) marked[r * cols + c] = 1;
    }
  }
  const seen = new Uint8Array(cols * rows);
  const out: Rect[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (!marked[i] || seen[i]) continue;
    const stack = [i];
    seen[i] = 1;
    let [minC, maxC, minR, maxR, count] = [cols, 0, rows, 0, 0];
    while (stack.length > 0) {
      const j = stack.pop() ?? 0;
      const r = Math.floor(j / cols);
      const c = j % cols;
      count++;
      [minC, maxC, minR, maxR] = [
        Math.min(minC, c),
        Math.max(maxC, c),
        Math.min(minR, r),
        Math.max(maxR, r),
      ];
      for (const k of [j - 1, j + 1, j - cols, j + cols]) {
        if (k >= 0 && k < marked.length && marked[k] && !seen[k] && Math.abs((k % cols) - c) <= 1) {
          seen[k] = 1;
          stack.push(k);
        }
      }
    }
    const w = maxC - minC + 1;
    const h = maxR - minR + 1;
    if (w < 5 || h < 5 || w / h > 1.5 || h / w > 1.5 || count / (w * h) < 0.55) continue;
    const m = 3;
    const x = Math.max(0, (minC - m) * b);
    const y = Math.max(0, (minR - m) * b);
    out.push({
      x,
      y,
      w: Math.min(width - x, (w + 2 * m) * b),
      h: Math.min(height - y, (h + 2 * m) * b),
    });
  }
  return out.sort((p, q) => q.w * q.h - p.w * p.h).slice(0, 4);
}

/** Finds and decodes an AFIP QR on a prepared grayscale page; null when there is none. */
export async function findAfipQr(
  gray: Uint8Array,
  width: number,
  height: number,
): Promise<AfipQr | null> {
  const page = sharp(gray, { raw: { width, height, channels: 1 } });
  for (const rect of qrCandidates(gray, width, height)) {
    // Enlarged so each module is several pixels wide: jsQR misses codes of 2–3 px modules.
    // Interpolation can smear a module edge at one size and not another, so a few are tried.
    for (const [scale, kernel] of ATTEMPTS) {
      const crop = await page
        .clone()
        .extract({ left: rect.x, top: rect.y, width: rect.w, height: rect.h })
        .resize({ width: Math.min(1200, Math.round(rect.w * scale)), kernel })
        .extractChannel(0)
        .raw()
        .toBuffer({ resolveWithObject: true });
      const found = decodeGray(crop.data, crop.info.width, crop.info.height);
      if (found) return found;
    }
  }
  // No patch looks like a code: there is none (a whole-page search costs a fifth of a second
  // on every invoice without a QR and found nothing more on the corpus).
  return null;
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
