import type { PageWords, Word } from '../read/geometry.ts';

/** A page typed out cell by cell: each row is [x, text] cells at 7 px a character, 20 px a row. */
export function page(rows: [number, string][][], source: 'pdf' | 'ocr' = 'pdf'): PageWords {
  const words: Word[] = [];
  rows.forEach((cells, r) => {
    for (const [x, text] of cells) {
      let at = x;
      for (const w of text.split(' ')) {
        if (w)
          words.push({
            text: w,
            x0: at,
            y0: r * 20,
            x1: at + w.length * 7,
            y1: r * 20 + 12,
            conf: 0.95,
          });
        at += (w.length + 1) * 7;
      }
    }
  });
  return { page: 0, width: 800, height: rows.length * 20 + 40, source, words };
}
