import QRCode from 'qrcode';
import { pesos } from './format.ts';
import type { Invoice } from './types.ts';

/** The JSON inside AFIP's invoice QR (RG 4892), with the fields in AFIP's order. */
export type AfipQrJson = {
  ver: 1;
  fecha: string;
  cuit: number;
  ptoVta: number;
  tipoCmp: number;
  nroCmp: number;
  importe: number;
  moneda: 'PES';
  ctz: 1;
  tipoDocRec: number;
  nroDocRec: number;
  tipoCodAut: 'E';
  codAut: number;
};

export function qrJson(inv: Invoice): AfipQrJson {
  return {
    ver: 1,
    fecha: inv.date,
    cuit: Number(inv.issuer.cuit),
    ptoVta: inv.pointOfSale,
    tipoCmp: inv.afipCode,
    nroCmp: inv.number,
    importe: pesos(inv.totalC),
    moneda: 'PES',
    ctz: 1,
    // 80 = CUIT; 99 = consumidor final sin identificar (number 0).
    tipoDocRec: inv.recipient.cuit ? 80 : 99,
    nroDocRec: inv.recipient.cuit ? Number(inv.recipient.cuit) : 0,
    tipoCodAut: 'E',
    codAut: Number(inv.cae),
  };
}

export function qrUrl(json: AfipQrJson): string {
  return `https://www.afip.gob.ar/fe/qr/?p=${Buffer.from(JSON.stringify(json)).toString('base64')}`;
}

/**
 * The QR as an SVG data URL, for an <img> about 30 mm wide: vector, so it stays sharp at any
 * scale (a bitmap resampled to the page would merge or drop modules).
 */
export async function qrDataUrl(inv: Invoice): Promise<string> {
  const svg = await QRCode.toString(qrUrl(qrJson(inv)), {
    type: 'svg',
    errorCorrectionLevel: 'L',
    margin: 1,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
