/** A word on a page, in page pixels (OCR) or points (PDF), with how sure its reading is. */
export type Word = { text: string; x0: number; y0: number; x1: number; y1: number; conf: number };

/** Whether a word's centre falls inside a box (another word, a region), edges included. */
export function centreIn(
  w: Word,
  box: { x0: number; y0: number; x1: number; y1: number },
): boolean {
  const [x, y] = [(w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2];
  return x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
}

/** What one page gives the parser: its words, their page, and the page's size. */
export type PageWords = {
  page: number;
  width: number;
  height: number;
  source: 'pdf' | 'ocr';
  words: Word[];
};
