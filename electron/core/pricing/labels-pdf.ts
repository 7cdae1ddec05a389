import { encodeWindows1252 } from '../../../shared/domain/csv.ts';
import { DomainError } from '../../../shared/domain/errors.ts';
import { layoutLabel, PT_PER_MM, type LabelDrawing } from '../../../shared/domain/label-layout.ts';
import { LABEL_FORMATS, labelPosition, labelsPerPage } from '../../../shared/domain/labels.ts';
import type { LabelFormat, LabelItem } from '../../../shared/domain/labels.ts';

/**
 * Shelf labels as a hand-written PDF 1.4: the two standard Type 1 fonts Helvetica and
 * Helvetica-Bold (never embedded, every reader has them) with WinAnsiEncoding, one uncompressed
 * content stream per page, no dates or ids: the same labels always give the same bytes. The
 * layout of each label is shared/domain/label-layout.ts.
 */

const MAX_LABELS = 5000;

function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** A PDF literal string of WinAnsi bytes; ( ) \ escaped, non-ASCII as octal. */
function pdfString(text: string): string {
  let out = '(';
  for (const b of encodeWindows1252(text)) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

function labelOps(d: LabelDrawing, left: number, top: number, pageH: number, border: boolean) {
  const ops: string[] = [];
  const px = (x: number) => num(left + x);
  const py = (y: number) => num(pageH - top - y);
  if (border)
    ops.push(`q 0.25 w 0.6 G ${px(0)} ${py(d.height)} ${num(d.width)} ${num(d.height)} re S Q`);
  if (d.bars.length > 0) {
    ops.push('0 g');
    for (const b of d.bars) ops.push(`${px(b.x)} ${py(b.y + b.h)} ${num(b.w)} ${num(b.h)} re`);
    ops.push('f');
  }
  for (const t of d.texts) {
    const font = t.bold ? 'F2' : 'F1';
    ops.push(
      `BT 0 g /${font} ${num(t.size)} Tf ${px(t.x)} ${py(t.y)} Td ${pdfString(t.text)} Tj ET`,
    );
  }
  return ops;
}

function pdfDocument(pages: { width: number; height: number; content: string }[]): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] =
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Producer (Caja) /Title ${pdfString('Etiquetas de góndola')} >>`;
  pages.forEach((p, i) => {
    const id = pageIds[i] ?? 0;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(p.width)} ${num(p.height)}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${p.content.length} >>\nstream\n${p.content}\nendstream`;
  });

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = offset;
    const chunk = Buffer.from(`${id} 0 obj\n${objects[id]}\nendobj\n`, 'latin1');
    chunks.push(chunk);
    offset += chunk.length;
  }
  let xref = `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) {
    xref += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  }
  xref +=
    `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\n` +
    `startxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}

/**
 * The shelf labels of `items` as a PDF, in order, filling each sheet row by row and going on
 * to new pages; roll formats print one label per page, the page being the label.
 */
export function labelsPdf(
  items: readonly LabelItem[],
  format: LabelFormat,
  opts: { shopName?: string | null } = {},
): Buffer {
  if (items.length === 0) throw new DomainError('NO_LABELS', 'No hay etiquetas para imprimir');
  if (items.length > MAX_LABELS) {
    throw new DomainError(
      'TOO_MANY_LABELS',
      `Se pueden imprimir hasta ${MAX_LABELS} etiquetas por vez (elegiste ${items.length})`,
    );
  }
  const g = LABEL_FORMATS[format];
  const pageW = g.pageWidth * PT_PER_MM;
  const pageH = g.pageHeight * PT_PER_MM;
  const ops: string[][] = Array.from(
    { length: Math.ceil(items.length / labelsPerPage(format)) },
    () => [],
  );
  items.forEach((item, i) => {
    if (!Number.isSafeInteger(item.price) || item.price < 0) {
      throw new DomainError('INVALID_PRICE', `El precio de «${item.name.trim()}» no es válido`);
    }
    const at = labelPosition(format, i);
    const drawing = layoutLabel(item, g, opts.shopName ?? null);
    ops[at.page]?.push(...labelOps(drawing, at.x * PT_PER_MM, at.y * PT_PER_MM, pageH, g.border));
  });
  return pdfDocument(ops.map((o) => ({ width: pageW, height: pageH, content: o.join('\n') })));
}
