/** A word on a page, in page pixels (OCR) or points (PDF), with how sure its reading is. */
export type Word = { text: string; x0: number; y0: number; x1: number; y1: number; conf: number };

/** What one page gives the parser: its words, their page, and the page's size. */
export type PageWords = {
  page: number;
  width: number;
  height: number;
  source: 'pdf' | 'ocr';
  words: Word[];
};
