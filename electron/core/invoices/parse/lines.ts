import type { Box } from '../../../../shared/contract/index.ts';
import type { PageWords, Word } from '../read/geometry.ts';

/** A run of words with small gaps: one cell, label or value. */
export type Segment = { words: Word[]; text: string; x0: number; x1: number };

/** A visual line of a page: words sorted left to right, split into segments at wide gaps. */
export type Line = {
  page: number;
  /** Position of the line among all lines of the document. */
  index: number;
  words: Word[];
  text: string;
  segments: Segment[];
  y0: number;
  y1: number;
  /** Median word height: the type size. */
  size: number;
  /** Page size, to turn positions into fractions. */
  width: number;
  height: number;
};

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** A word that is only a piece of a ruled line or cell border the OCR read as a glyph. */
const RULE_BITS = /^[|¦![\]—_~=]+$/;

/**
 * Groups a page's words into lines by vertical overlap. Table rows and two-column headers share
 * a line, so each line is also cut into segments where the gap between words is wide.
 */
export function pageLines(page: PageWords, startIndex: number): Line[] {
  const words = page.words
    .filter((w) => w.text.trim() !== '' && !RULE_BITS.test(w.text) && w.y1 > w.y0)
    .sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const typical = median(words.map((w) => w.y1 - w.y0)) || 10;
  const groups: Word[][] = [];
  let current: Word[] = [];
  let centre = -Infinity;
  for (const w of words) {
    const c = (w.y0 + w.y1) / 2;
    if (current.length > 0 && Math.abs(c - centre) <= typical * 0.55) {
      current.push(w);
      centre = median(current.map((x) => (x.y0 + x.y1) / 2));
    } else {
      if (current.length > 0) groups.push(current);
      current = [w];
      centre = c;
    }
  }
  if (current.length > 0) groups.push(current);
  rejoinStrays(groups, typical);

  return groups.map((group, i) => {
    const size = median(group.map((w) => w.y1 - w.y0)) || typical;
    const sorted = joinSplitFigures(
      group.sort((a, b) => a.x0 - b.x0),
      size,
    );
    const segments: Segment[] = [];
    let seg: Word[] = [];
    for (const w of sorted) {
      const prev = seg[seg.length - 1];
      if (prev && w.x0 - prev.x1 > size * 1.6) {
        segments.push(makeSegment(seg));
        seg = [];
      }
      seg.push(w);
    }
    if (seg.length > 0) segments.push(makeSegment(seg));
    return {
      page: page.page,
      index: startIndex + i,
      words: sorted,
      text: sorted.map((w) => w.text).join(' '),
      segments,
      y0: Math.min(...sorted.map((w) => w.y0)),
      y1: Math.max(...sorted.map((w) => w.y1)),
      size,
      width: page.width,
      height: page.height,
    };
  });
}

/**
 * A word grouped with the line above or below when its neighbours in the text are on the other:
 * «IVA» of «IVA Responsable Inscripto» sitting a little higher, next to a «Fecha:» further
 * right. A word with no close neighbour in its own line, right beside a word of the next line
 * and nearly level with it, moves there (words of letters only: specks stay where they are).
 */
function rejoinStrays(groups: Word[][], size: number): void {
  const centre = (w: Word): number => (w.y0 + w.y1) / 2;
  const wordy = (w: Word): boolean => /^\p{L}{2,}[.:]?$/u.test(w.text);
  const beside = (a: Word, b: Word): boolean =>
    wordy(b) &&
    Math.abs(centre(a) - centre(b)) < size * 0.75 &&
    ((b.x0 - a.x1 > -size * 0.2 && b.x0 - a.x1 < size * 1.2) ||
      (a.x0 - b.x1 > -size * 0.2 && a.x0 - b.x1 < size * 1.2));
  const alone = (w: Word, group: Word[]): boolean =>
    group.every((o) => o === w || o.x0 - w.x1 > size * 1.6 || w.x0 - o.x1 > size * 1.6);
  for (let i = 0; i + 1 < groups.length; i++) {
    const [upper, lower] = [groups[i] ?? [], groups[i + 1] ?? []];
    for (const [from, to] of [
      [upper, lower],
      [lower, upper],
    ] as const) {
      for (const w of [...from]) {
        if (from.length < 2 || !wordy(w) || !alone(w, from) || !to.some((o) => beside(w, o)))
          continue;
        from.splice(from.indexOf(w), 1);
        to.push(w);
      }
    }
  }
}

/**
 * A figure OCR split at its decimal mark ("134.964," and "00"): joined again when the centavos
 * follow close by, so every reader of the line sees one figure.
 */
function joinSplitFigures(words: Word[], size: number): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (
      prev &&
      /^\$?\d{1,3}(?:[.,]\d{3})*[.,]$/.test(prev.text) &&
      /^\d{2}$/.test(w.text) &&
      w.x0 - prev.x1 < size
    ) {
      out[out.length - 1] = {
        text: prev.text + w.text,
        x0: prev.x0,
        y0: Math.min(prev.y0, w.y0),
        x1: w.x1,
        y1: Math.max(prev.y1, w.y1),
        conf: Math.min(prev.conf, w.conf),
      };
    } else {
      out.push(w);
    }
  }
  return out;
}

/**
 * Letter-spaced headings ("L I M P I E Z A  T O T A L") come out of a PDF as one word per letter:
 * letters closer than the run's usual gap join into words again.
 */
function joinSpacedLetters(words: Word[]): Word[] {
  const out: Word[] = [];
  let run: Word[] = [];
  const flush = (): void => {
    if (run.length < 4) {
      out.push(...run);
    } else {
      const gaps = run.slice(1).map((w, i) => w.x0 - (run[i]?.x1 ?? w.x0));
      const typical = median(gaps);
      let word: Word[] = [];
      const emit = (): void => {
        if (word.length === 0) return;
        out.push({
          text: word.map((w) => w.text).join(''),
          x0: word[0]?.x0 ?? 0,
          y0: Math.min(...word.map((w) => w.y0)),
          x1: word[word.length - 1]?.x1 ?? 0,
          y1: Math.max(...word.map((w) => w.y1)),
          conf: meanConf(word),
        });
        word = [];
      };
      for (const [i, w] of run.entries()) {
        if (i > 0 && (gaps[i - 1] ?? 0) > typical * 1.8 + 0.5) emit();
        word.push(w);
      }
      emit();
    }
    run = [];
  };
  for (const w of words) {
    if (w.text.length === 1 && /\p{L}/u.test(w.text)) run.push(w);
    else {
      flush();
      out.push(w);
    }
  }
  flush();
  return out;
}

function makeSegment(raw: Word[]): Segment {
  const words = joinSpacedLetters(raw);
  return {
    words,
    text: words.map((w) => w.text).join(' '),
    x0: words[0]?.x0 ?? 0,
    x1: words[words.length - 1]?.x1 ?? 0,
  };
}

export function documentLines(pages: PageWords[]): Line[] {
  const out: Line[] = [];
  for (const p of pages) out.push(...pageLines(p, out.length));
  return out;
}

/** The box around some words of a line, in fractions of its page. */
export function boxOf(line: Line, words: Word[] = line.words): Box {
  const x0 = Math.min(...words.map((w) => w.x0));
  const x1 = Math.max(...words.map((w) => w.x1));
  const y0 = Math.min(...words.map((w) => w.y0));
  const y1 = Math.max(...words.map((w) => w.y1));
  const r = (n: number): number => Math.round(n * 10_000) / 10_000;
  return {
    page: line.page,
    x: r(x0 / line.width),
    y: r(y0 / line.height),
    w: r((x1 - x0) / line.width),
    h: r((y1 - y0) / line.height),
  };
}

export function meanConf(words: Word[]): number {
  if (words.length === 0) return 0;
  return words.reduce((s, w) => s + w.conf, 0) / words.length;
}
