import type { AfipQr, InvoiceCheck, InvoiceData } from '../../../shared/contract/index.ts';
import { formatCuit, isValidCuit } from '../../../shared/domain/cuit.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { caeDueFits, daysBetween, displayDate, invoiceDateMs } from './kinds.ts';

const FIELD_NAMES: Record<string, string> = {
  letter: 'la letra',
  pointOfSale: 'el punto de venta',
  number: 'el número',
  date: 'la fecha',
  'issuer.cuit': 'el CUIT del proveedor',
  total: 'el total',
};

function sum(values: Record<string, number>): number {
  return Object.values(values).reduce((s, v) => s + v, 0);
}

/** "10/03/2025" from an invoice date. */
function formatDate(iso: string): string {
  return displayDate(invoiceDateMs(iso));
}

/** What the printed text said before the QR corrected it (to compare the two). */
export type Printed = Partial<
  Pick<InvoiceData, 'date' | 'pointOfSale' | 'number' | 'total' | 'afipCode'>
> & {
  issuerCuit?: string;
};

/**
 * The invoice checked against itself: CUITs, the QR against the printed text, the lines against
 * the net, the net plus taxes against the total, and plausible dates. Duplicates need the store
 * and are checked there. Messages are for the owner (es-AR).
 */
export function checkInvoice(
  data: InvoiceData,
  qr: AfipQr | null,
  today: string,
  printed: Printed = {},
): InvoiceCheck[] {
  const checks: InvoiceCheck[] = [];
  const missing = Object.keys(FIELD_NAMES).filter((path) => {
    if (path === 'issuer.cuit') return !data.issuer.cuit;
    return data[path as keyof InvoiceData] === undefined;
  });
  checks.push(
    missing.length === 0
      ? { code: 'missing', ok: true, message: 'Están todos los datos de la cabecera' }
      : {
          code: 'missing',
          ok: false,
          message: `Falta ${missing.map((p) => FIELD_NAMES[p]).join(', ')}: completalo a mano`,
          field: missing[0] ?? '',
        },
  );

  if (data.issuer.cuit) {
    const ok = isValidCuit(data.issuer.cuit);
    checks.push({
      code: 'cuit',
      ok,
      field: 'issuer.cuit',
      message: ok
        ? `CUIT del proveedor ${formatCuit(data.issuer.cuit)} válido`
        : `El CUIT del proveedor ${data.issuer.cuit} no es válido (dígito verificador): revisalo`,
    });
  }
  if (data.recipient.cuit && !isValidCuit(data.recipient.cuit)) {
    checks.push({
      code: 'recipient_cuit',
      ok: false,
      field: 'recipient.cuit',
      message: `El CUIT del cliente ${data.recipient.cuit} no es válido (dígito verificador)`,
    });
  }

  if (qr) checks.push(qrCheck(data, qr, printed));

  const items = sum(Object.fromEntries(data.items.map((it, i) => [String(i), it.amount])));
  const tolerance = Math.max(2, data.items.length);
  if (data.items.length === 0) {
    checks.push({
      code: 'lines_net',
      ok: false,
      message: 'No se leyó ninguna línea: cargalas a mano',
    });
  } else {
    const net = sum(data.netByRate);
    const target =
      data.letter === 'A' && net > 0
        ? { value: net, label: 'el neto gravado' }
        : data.total !== undefined
          ? {
              value: data.total - data.perceptions - data.otherTaxes,
              label: 'el total sin percepciones',
            }
          : null;
    if (target) {
      const ok = Math.abs(items - target.value) <= tolerance;
      checks.push({
        code: 'lines_net',
        ok,
        field: 'items',
        message: ok
          ? `Las líneas suman ${formatMoney(items)}, igual que ${target.label}`
          : `Las líneas suman ${formatMoney(items)} y ${target.label} es ${formatMoney(target.value)}: falta o sobra una línea, o hay un importe mal leído`,
      });
    }
  }

  if (data.total !== undefined && (sum(data.netByRate) > 0 || data.letter === 'A')) {
    const computed = sum(data.netByRate) + sum(data.ivaByRate) + data.perceptions + data.otherTaxes;
    const ok = Math.abs(computed - data.total) <= 2;
    checks.push({
      code: 'total',
      ok,
      field: 'total',
      message: ok
        ? `Neto + IVA + percepciones = total (${formatMoney(data.total)})`
        : `Neto + IVA + percepciones da ${formatMoney(computed)} pero el total es ${formatMoney(data.total)}`,
    });
  }

  if (data.date) {
    const ahead = daysBetween(today, data.date);
    const age = -ahead;
    const ok = ahead <= 1 && age <= 730;
    checks.push({
      code: 'date',
      ok,
      field: 'date',
      message: ok
        ? `Fecha ${formatDate(data.date)}`
        : ahead > 1
          ? `La fecha ${formatDate(data.date)} es posterior a hoy: revisala`
          : `La fecha ${formatDate(data.date)} tiene más de dos años: revisala`,
    });
  }
  if (data.caeDue && data.date) {
    const ok = caeDueFits(data.date, data.caeDue);
    checks.push({
      code: 'cae_due',
      ok,
      field: 'caeDue',
      message: ok
        ? `Vencimiento del CAE ${formatDate(data.caeDue)}`
        : `El vencimiento del CAE (${formatDate(data.caeDue)}) no es coherente con la fecha de la factura`,
    });
  }
  return checks;
}

function qrCheck(data: InvoiceData, qr: AfipQr, printed: Printed): InvoiceCheck {
  const diffs: string[] = [];
  const cmp = (label: string, a: unknown, b: unknown): void => {
    if (a !== undefined && b !== undefined && a !== b) diffs.push(label);
  };
  for (const src of [printed, { ...data, issuerCuit: data.issuer.cuit }]) {
    cmp('la fecha', src.date, qr.fecha);
    cmp('el punto de venta', src.pointOfSale, qr.ptoVta);
    cmp('el número', src.number, qr.nroCmp);
    cmp('el total', src.total, Math.round(qr.importe * 100));
    cmp('el tipo de comprobante', src.afipCode, qr.tipoCmp);
    cmp('el CUIT', src.issuerCuit, String(qr.cuit).padStart(11, '0'));
  }
  const unique = [...new Set(diffs)];
  return unique.length === 0
    ? { code: 'qr', ok: true, message: 'El QR de AFIP coincide con lo impreso' }
    : {
        code: 'qr',
        ok: false,
        message: `El QR de AFIP no coincide con lo impreso en ${unique.join(', ')}: se usan los datos del QR`,
      };
}
