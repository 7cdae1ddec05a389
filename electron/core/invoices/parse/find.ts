import type { Word } from '../read/geometry.ts';
import { boxOf, meanConf, type Line, type Segment } from './lines.ts';
import { fold, isMoneyToken } from './numbers.ts';
import type { Box } from '../../../../shared/contract/index.ts';

/** A value found on the page, with the words it came from. */
export type Found<T> = { value: T; conf: number; boxes: Box[]; line: Line };

function found<T>(value: T, line: Line, words: Word[]): Found<T> {
  return { value, conf: meanConf(words), boxes: [boxOf(line, words)], line };
}

/** Words of a segment from the first one whose text starts at or after `offset` characters. */
function wordsFrom(segment: Segment, offset: number): Word[] {
  let at = 0;
  const out: Word[] = [];
  for (const w of segment.words) {
    if (at + w.text.length > offset) out.push(w);
    at += w.text.length + 1;
  }
  return out.length > 0 ? out : segment.words;
}

/**
 * Finds `label` (matched on folded text) and reads the value that follows it: in the same
 * segment, the next segment of the line, or the segment right below. `read` turns the candidate
 * text into a value or null.
 */
export function labelled<T>(
  lines: Line[],
  label: RegExp,
  read: (text: string) => T | null,
  opts: { from?: number; to?: number; below?: boolean } = {},
): Found<T> | null {
  const from = opts.from ?? 0;
  const to = opts.to ?? lines.length;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line) continue;
    for (const [si, seg] of line.segments.entries()) {
      const m = label.exec(fold(seg.text));
      if (!m) continue;
      const offset = (m.index ?? 0) + m[0].length;
      const rest = seg.text.slice(offset).replace(/^[\s:.\-–]+/, '');
      const same = rest ? read(rest) : null;
      if (same !== null) return found(same, line, wordsFrom(seg, offset));
      const next = line.segments[si + 1];
      if (next) {
        const v = read(next.text);
        if (v !== null) return found(v, line, next.words);
      }
      if (opts.below !== false) {
        const under = lines[i + 1];
        if (under && under.page === line.page) {
          const cell = under.segments.find(
            (s) => s.x1 > seg.x0 && s.x0 < Math.max(seg.x1, seg.x0 + 200),
          );
          const v = cell ? read(cell.text) : null;
          if (cell && v !== null) return found(v, under, cell.words);
        }
      }
    }
  }
  return null;
}

/** First match of a pattern over whole lines (for values that carry their own shape). */
export function firstMatch<T>(
  lines: Line[],
  pattern: RegExp,
  read: (m: RegExpExecArray, segment: string) => T | null,
  opts: { from?: number; to?: number } = {},
): Found<T> | null {
  for (let i = opts.from ?? 0; i < (opts.to ?? lines.length); i++) {
    const line = lines[i];
    if (!line) continue;
    for (const seg of line.segments) {
      const re = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g');
      for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
        const v = read(m, seg.text);
        if (v !== null) return found(v, line, wordsFrom(seg, m.index));
      }
    }
  }
  return null;
}

/** Wraps a value known without reading (the QR, a computation). */
export function known<T>(value: T, line: Line | null): Found<T> | null {
  return line ? { value, conf: 1, boxes: [], line } : null;
}

/** The index of the first line with two amounts on it (an item's row, a total's), or the end. */
export function firstFigures(lines: Line[]): number {
  const at = lines.find((l) => l.words.filter((w) => isMoneyToken(w.text)).length >= 2);
  return at ? at.index : lines.length;
}
