import { isValidCuit } from '../../../../shared/domain/cuit.ts';
import type { InvoiceKind, InvoiceLetter } from '../../../../shared/contract/index.ts';
import { kindOfCode } from '../kinds.ts';
import { unlabelledDate } from './dates.ts';
import { firstFigures, firstMatch, labelled, type Found } from './find.ts';
import { cleanName, nameShape } from './names.ts';
import { editSimilarity } from '../../../../shared/domain/text.ts';
import type { Line } from './lines.ts';
import { allDates, digitsFix, fold, parseDate } from './numbers.ts';

export type Header = {
  kind?: Found<InvoiceKind>;
  letter?: Found<InvoiceLetter>;
  afipCode?: Found<number>;
  pointOfSale?: Found<number>;
  number?: Found<number>;
  date?: Found<string>;
  issuerName?: Found<string>;
  issuerCuit?: Found<string>;
  issuerIva?: Found<string>;
  recipientName?: Found<string>;
  recipientCuit?: Found<string>;
  recipientIva?: Found<string>;
  cae?: Found<string>;
  caeDue?: Found<string>;
};

/** "Cliente:" whose first letters OCR clipped off a box's edge («nte:», «iente:»). */
const CLIPPED_CLIENT = '^c?l?i?e?nte\\s*:';
// «Chente», «Ciiente», «Clente»: the «li» of «Cliente» misread; «Clieme», its «nt».
const MISREAD_CLIENT = '^c[hli1|]{1,3}e?(?:nte|me)\\b';

// «scones):», «ñor(es):»: "Señor(es):" misread or clipped, its «(es):» still there.
const CLIPPED_SENORES = '^[a-zñ]{0,6}\\(?es\\)\\s*:';

const RECIPIENT = new RegExp(
  `(se[nñ]or(?:\\s*\\(?es\\)?)?|^sr\\.?(?:\\s*\\(?es\\)?)?\\b|cliente|apellido y nombre|destinatario|comprador|facturar a|datos del cliente|${CLIPPED_CLIENT}|${MISREAD_CLIENT}|${CLIPPED_SENORES})`,
);
const IVA_CONDITION =
  /(iva responsable inscripto|responsable inscripto|resp\.? inscripto|responsable monotributo|resp\.? monotributo|monotributista social|monotributista|monotributo|iva exento|exento|consumidor final|no responsable|sujeto no categorizado|cons\.? final)/i;

/** Index of the first line of the recipient's block (everything above is the issuer's). */
function recipientStart(lines: Line[]): number {
  for (const line of lines) {
    if (line.page > 0) break;
    if (line.segments.some((s) => RECIPIENT.test(fold(s.text)))) return line.index;
  }
  return -1;
}

// («n IVA:»: "Condición IVA:" with its first word clipped.)
const IVA_LABEL =
  /condici[oó]n\s*(?:frente\s*al|ante\s*el|de)?\s*i\.?v\.?a\.?|^(?:[a-zñó]{1,3}\s+)?[il1]\.?v\.?a\.?\s*:/;

const CUIT_RE = /(?<!\d)(\d{2})\s*[-–.\s]?\s*(\d{8})\s*[-–.\s]?\s*(\d)(?!\d)/;

function readCuit(text: string): string | null {
  const m = CUIT_RE.exec(digitsFix(text));
  if (!m) return null;
  const digits = `${m[1]}${m[2]}${m[3]}`;
  return isValidCuit(digits) ? digits : null;
}

/** «IVA Responsable Inscripto» with its «I» misread («¡VA», «lVA», «tVA») or lost («VA»). */
const IVA_RI_BLURRED = /(?:^|[\s:])[¡!|l1it]?va\s+(?:[a-z]\s+)?responsable\s+inscript[oa]?\b/i;

/**
 * The condition a match of IVA_CONDITION names, with the few letters before it: an unlabelled
 * «tVA Responsable Inscripto» matches from «Responsable» on.
 */
function conditionAt(m: RegExpExecArray, text: string): string | null {
  return ivaCondition(text.slice(Math.max(0, m.index - 5), m.index + m[0].length));
}

function ivaCondition(text: string): string | null {
  if (IVA_RI_BLURRED.test(fold(text))) return 'IVA Responsable Inscripto';
  const m = IVA_CONDITION.exec(fold(text));
  if (!m) return blurredCondition(fold(text));
  // As printed: the same span of the original text.
  const start = fold(text).indexOf(m[0]);
  const printed = text
    .replace(/\s+/g, ' ')
    .trim()
    .slice(start, start + m[0].length);
  // «Resp Inscripto»: the abbreviation's dot lost.
  return (printed.length === m[0].length ? printed : m[0]).replace(/^(resp)(?=\s)/i, '$1.');
}

/** «Responsable lascripto», «Resp. inscnpto», «Responsable Monovibuto»: the word misread. */
const BLURRED_CONDITION =
  /(\b[il1|¡!t]?va\s+)?\b(respons[a-z]{2,4}|resp\.?)\s+([a-z|!¡1]{6,12})\b/i;

function blurredCondition(folded: string): string | null {
  const m = BLURRED_CONDITION.exec(folded);
  if (!m?.[2] || !m[3]) return null;
  const kind =
    editSimilarity(m[3], 'inscripto') >= 0.7
      ? 'Inscripto'
      : editSimilarity(m[3], 'monotributo') >= 0.7
        ? 'Monotributo'
        : null;
  if (!kind) return null;
  // («IVA Responsable Inscripto» as printed, the IVA part of the name.)
  const iva = m[1] && kind === 'Inscripto' ? 'IVA ' : '';
  return `${iva}${m[2].length > 5 ? 'Responsable' : 'Resp.'} ${kind}`;
}

/** The document's kind, and the letter's box read before it, at the end of a line. */
const KIND_AFTER_NAME =
  /\s+(?:\S{1,3}\s+)?(?:factura|nota\s+\p{L}{1,2}\s+(?:cr[ée]dito|d[ée]bito))\b.*$/iu;

/** The biggest type in the issuer's block that reads like a name: the company's letterhead. */
function letterhead(lines: Line[], end: number): Found<string> | null {
  let best: Found<string> | null = null;
  let bestScore = 0;
  for (const line of lines.slice(0, Math.max(1, end))) {
    if (line.page > 0) break;
    for (const seg of line.segments) {
      // «Díaz Hnos. S.A. Le. FACTURA»: the name run into the letter's box and the document's kind.
      const text = seg.text.replace(KIND_AFTER_NAME, '');
      const f = fold(text);
      if (
        /factura|nota de|original|duplicado|comprobante|^cod|^[abc]$|cuit|fecha|domicilio|punto de venta|ingresos|inicio|tel|www|@|responsable|^n[°º]?\s*\d/.test(
          f,
        )
      )
        continue;
      const name = cleanName(text);
      if (!name || name.length > 60) continue;
      // (The median: a letter's box read as an «E» as tall as three lines is not the type.)
      const heights = seg.words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
      const size = heights[Math.floor((heights.length - 1) / 2)] ?? 0;
      const company =
        /\b(s\.?a\.?|s\.?r\.?l\.?|s\.?a\.?s\.?|hnos?\.?|y cia|distribuidora|mayorista)\b/.test(f)
          ? 1.3
          : 1;
      const conf = seg.words.reduce((s, w) => s + w.conf, 0) / seg.words.length;
      // (Rules and a logo's edge read as letters come with no confidence at all.)
      const score = conf < 0.3 ? 0 : size * company * nameShape(name);
      if (score > bestScore) {
        bestScore = score;
        best = { value: name, conf: conf * 0.9, boxes: [], line };
      }
    }
  }
  if (!best) return null;
  // A trade name over "de Juan Pérez": the invoice is the person's (a monotributista).
  for (const line of lines.slice(best.line.index + 1, best.line.index + 3)) {
    // («Titular: Juan Pérez» says the same.)
    // (A person's name: a capital after «de», no figures; not «de actividades 25/09/2001».)
    const owner = line.segments.find(
      (seg) => /^(?:[Dd]e|[Tt]itular:?)\s+\p{Lu}/u.test(seg.text.trim()) && !/\d/.test(seg.text),
    );
    const name = owner ? cleanName(owner.text.trim().replace(/^(?:de|titular:?)\s+/i, '')) : null;
    if (owner && name) {
      const conf = owner.words.reduce((s, w) => s + w.conf, 0) / owner.words.length;
      return { value: name, conf, boxes: [], line };
    }
  }
  return best;
}

/** A party's name, not a heading that happens to sit where the name goes. */
function partyName(text: string): string | null {
  // A name ends where the next label on the same line starts ("… I.V.A.: Cons. Final").
  const cut =
    text.split(
      /\s(?:—|-{1,2}|\|)\s|\s(?=(?:[il1]\.?v\.?a\.?|c\.?u\.?[a-z1]{0,2}\.?t\.?|cond\.|condici[oó]n|domicilio|dom\.)\s*:)/i,
    )[0] ?? text;
  // «e: Consumidor Final», «íes): Medina»: the tail of a label («Cliente:», «Señor(es):») whose
  // start was clipped.
  const name = cleanName(cut.replace(/^[\p{Ll}()]{1,8}\s*:\s*/u, ''));
  if (!name) return null;
  if (/^(comprobante|factura|nota|datos|original|duplicado|cliente|receptor)\b/.test(fold(name)))
    return null;
  return name;
}

/**
 * The header's fields; `tableAt` is the line of the items table's heading, if one was found,
 * and `figuresAt` the first line with two amounts on it.
 */
export function readHeader(
  lines: Line[],
  tableAt = lines.length,
  figuresAt = firstFigures(lines),
): Header {
  const h: Header = {};
  const split = recipientStart(lines);
  // With no recipient's label read, the issuer's block ends by the items table at the latest,
  // or by its first row of amounts where the table's heading was garbled.
  const issuerEnd = split >= 0 ? split : Math.min(14, tableAt, figuresAt);

  // Kind and letter: the AFIP code wins, then the words.
  const code =
    labelled(
      lines,
      /\bco[dp](?:igo)?\.?\s*(?:n[°ºo]?\.?)?\s*:?\s*$/,
      (t) => {
        const m = /^0*(\d{1,3})\b/.exec(digitsFix(t.trim()));
        const n = m ? Number(m[1]) : NaN;
        return kindOfCode(n) ? n : null;
      },
      { to: Math.min(lines.length, 20) },
    ) ??
    firstMatch(
      lines,
      /c[oó][dp](?:igo)?\.?\s*(?:n[°º*]?\.?)?\s*:?\s*0*(\d{1,3})\b/i,
      (m) => {
        const n = Number(m[1]);
        return kindOfCode(n) ? n : null;
      },
      { to: Math.min(lines.length, 20) },
    );
  if (code) h.afipCode = code;

  const kind = firstMatch(
    lines,
    // (The «de» of «nota de débito» read as «pe» or «ce».)
    /(nota\s+\p{L}{1,2}\s+cr[eé]dito|nota\s+\p{L}{1,2}\s+d[eé]bito|n\.\s*c(?:r[eé]dito)?\.?\b|factura)/iu,
    (m) => {
      const f = fold(m[0]);
      if (/^nota\s+\S+\s+cr/.test(f) || f.startsWith('n. c')) return 'nota_credito' as const;
      if (/^nota\s+\S+\s+d/.test(f)) return 'nota_debito' as const;
      return 'factura' as const;
    },
    { to: Math.min(lines.length, 20) },
  );
  if (kind) h.kind = kind;

  const letter =
    firstMatch(
      lines,
      /(?:factura|nota\s+\p{L}{1,2}\s+cr[eé]dito|nota\s+\p{L}{1,2}\s+d[eé]bito)\s*["“(]?([ABC])\b/iu,
      (m) => (m[1]?.toUpperCase() as InvoiceLetter | undefined) ?? null,
      { to: Math.min(lines.length, 20) },
    ) ??
    // The big letter in its box, which OCR sometimes doubles ("Cc").
    firstMatch(
      lines,
      /^([ABC])([abc]?)$/,
      (m) =>
        m[2] && m[2].toUpperCase() !== m[1] ? null : ((m[1] as InvoiceLetter | undefined) ?? null),
      {
        to: Math.min(lines.length, 14),
      },
    );
  if (letter) h.letter = letter;

  // Point of sale and number: "0003-00012345", or the two labelled fields.
  // (Not the invoice a credit note refers to, nor a remito.)
  const both = firstMatch(
    lines,
    /(?<!\d)(\d{4,5})\s*[-–]\s*(\d{8})(?!\d)/,
    (m, segment) =>
      /asociad|remito|factura\s+[abc]\s+0|referencia|orden/i.test(segment)
        ? null
        : { pos: Number(m[1]), num: Number(m[2]) },
    { to: Math.min(lines.length, 30) },
  );
  const posLabel = labelled(
    lines,
    // («Punto de vena»: a letter of «venta» lost.)
    /punto\s+de\s+v[a-z]{2,4}\b|pto\.?\s*(?:de\s*)?vta\.?|p\.\s*venta/,
    (t) => {
      const m = /^0*(\d{1,5})\b/.exec(digitsFix(t.trim()));
      return m ? Number(m[1]) || null : null;
    },
    { to: Math.min(lines.length, 30) },
  );
  const numLabel = labelled(
    lines,
    /comp(?:robante)?\.?\s*n(?:ro|ro\.|°|º|o)?\.?|\bn(?:ro|°|º)\.?\s*(?:de\s+comprobante)?|numero/,
    (t) => {
      const m = /^0*(\d{1,8})\b/.exec(digitsFix(t.trim()));
      return m && m[1] && m[1].length <= 8 ? Number(m[1]) || null : null;
    },
    { to: Math.min(lines.length, 30) },
  );
  // A point of sale whose leading zeros OCR lost ("N° o 011-00187508"), never a CUIT's 2-8-1.
  const short =
    both ??
    firstMatch(
      lines,
      /(?<![\d-])(\d{1,3})\s*[-–]\s*(\d{8})(?!\d)(?!\s*[-–]\s*\d)/,
      (m, segment) =>
        /asociad|remito|cuit|c\.u\.i\.t|referencia/i.test(segment)
          ? null
          : { pos: Number(m[1]), num: Number(m[2]) },
      { to: Math.min(lines.length, 20) },
    );
  if (short) {
    h.pointOfSale = {
      ...short,
      value: short.value.pos,
      conf: both ? short.conf : short.conf * 0.8,
    };
    h.number = { ...short, value: short.value.num };
  } else if (both) {
    h.pointOfSale = { ...both, value: both.value.pos };
    h.number = { ...both, value: both.value.num };
  } else {
    if (posLabel) h.pointOfSale = posLabel;
    if (numLabel) h.number = numLabel;
  }

  const date = labelled(
    lines,
    /fecha\s*(?:de\s*)?(?:emision|emitida|comprobante|factura)?\s*:?$|fecha\s+de\s+emision|^fecha|^emisio\s?n\b/,
    (t) => {
      if (/vto|venc|inicio/.test(fold(t))) return null;
      return allDates(t)[0] ?? null;
    },
    { to: Math.min(lines.length, 40) },
  );
  if (date) h.date = date;

  const labelledDue = labelled(
    lines,
    // (Also «nto CAE:», "Vencimiento" with its first letters clipped off by OCR, and «Vto.»
    // read as «Vio.», «Vlo.» or «Vt0.», or with its «t» lost, «Vo.».)
    // «Vencimie ento CAE»: the word broken in two by OCR.
    // «Fecha Vto. C.A.!»: the E read as «!»; «3: 1/05/2026», a colon read inside the day.
    /(?:v[tilf1][o0]|\bv[o0]|venc[a-z]{0,8}(?:\s[a-z]{1,6})?|^[a-z]{0,8}nto)\.?\s*(?:de(?:l)?\s*)?(?:c\.?\s*a\.?\s*[e!]\.?)/,
    (t) => parseDate(t.replace(/(\d):\s*(?=\d)/g, '$1')),
  );
  // «CAE 72119575646376 · Vto. 18-10-2026»: the due date on the CAE's own line.
  const caeDue =
    labelledDue ??
    firstMatch(
      lines,
      /c\.?\s*a\.?\s*e\.?[^\d]{0,8}\d{14}.{0,6}?(?:v[tilf1][o0]\.?|vence|venc\.?|vencimiento)\s*:?\s*(.+)$/i,
      (m) => parseDate(m[1] ?? ''),
    );
  if (caeDue) h.caeDue = caeDue;
  const loose = !h.date && caeDue ? unlabelledDate(lines, caeDue.value) : null;
  if (loose) h.date = loose;
  const cae =
    labelled(
      lines,
      // «CAE N°:», and the N° as OCR reads it («Ns», «N*», «Nº»).
      /c\.?\s*a\.?\s*e\.?\s*(?:n[^\s:]{0,2}|nro\.?)?\s*:?$|c\.?a\.?e\.?\s*(?:n[^\s:]{0,2}|nro\.?)?\s*:/,
      (t) => {
        // Fourteen digits as printed; else «7: 4148278498395», the N° read into the number's
        // first digit, joined.
        const whole = /(?<!\d)(\d{14})(?!\d)/.exec(digitsFix(t));
        const m = whole ?? /(\d{14})/.exec(digitsFix(t).replace(/[\s:]/g, ''));
        return m?.[1] ?? null;
      },
    ) ?? firstMatch(lines, /(?<!\d)(\d{14})(?!\d)/, (m) => m[1] ?? null);
  if (cae) h.cae = cae;

  // CUITs: the issuer's above the recipient's block, the recipient's inside it.
  // Every valid one on a line, in order: «CUIT 33-70515066-6 - IIBB 33705150686», the first
  // misread, the second (the same digits, as many provinces number it) right.
  const cuits: Found<string>[] = [];
  const nextCuit = (line: Line): Found<string> | null =>
    firstMatch([line], CUIT_RE, (m) => {
      const c = readCuit(m[0]);
      return c && !cuits.some((x) => x.value === c) ? c : null;
    });
  for (const line of lines) {
    if (line.page > 0) break;
    for (let f = nextCuit(line); f; f = nextCuit(line)) cuits.push(f);
  }
  const issuerCuit = cuits.find((c) => split < 0 || c.line.index < split) ?? cuits[0];
  if (issuerCuit) h.issuerCuit = issuerCuit;
  const recipientCuit = cuits.find((c) => c !== issuerCuit && (split < 0 || c.line.index >= split));
  if (recipientCuit) h.recipientCuit = recipientCuit;

  const issuerName =
    labelled(lines, /raz[oó]n\s+social\s*:?$|raz[oó]n\s+social\s*:/, cleanName, {
      to: issuerEnd,
    }) ?? letterhead(lines, issuerEnd);
  if (issuerName) h.issuerName = issuerName;
  const issuerIva =
    labelled(
      lines,
      /condici[oó]n\s*(?:frente\s*al|ante\s*el|de)?\s*i\.?v\.?a\.?|^i\.?v\.?a\.?\s*:/,
      ivaCondition,
      { to: issuerEnd },
    ) ??
    firstMatch(lines, IVA_CONDITION, conditionAt, { to: issuerEnd }) ??
    firstMatch(lines, BLURRED_CONDITION, (m) => blurredCondition(fold(m[0])), { to: issuerEnd });
  if (issuerIva) h.issuerIva = issuerIva;

  if (split >= 0) {
    const recipientName = labelled(
      lines,
      new RegExp(
        `(se[nñ]or(?:\\s*\\(?es\\)?)?|sr\\.?\\s*\\(?es\\)?|cliente|apellido y nombre\\s*\\/?\\s*(?:raz[oó]n social)?|raz[oó]n social|destinatario|comprador|facturar a|nombre|${CLIPPED_CLIENT}|${MISREAD_CLIENT}|${CLIPPED_SENORES})\\s*:?`,
      ),
      partyName,
      { from: split, to: Math.min(lines.length, split + 6), below: false },
    );
    if (recipientName) h.recipientName = recipientName;
    const end = Math.min(lines.length, split + 8);
    const recipientIva =
      labelled(lines, IVA_LABEL, ivaCondition, { from: split, to: end, below: false }) ??
      firstMatch(lines, IVA_CONDITION, conditionAt, { from: split, to: end }) ??
      firstMatch(lines, BLURRED_CONDITION, (m) => blurredCondition(fold(m[0])), {
        from: split,
        to: end,
      });
    if (recipientIva) h.recipientIva = recipientIva;
  }
  return h;
}
