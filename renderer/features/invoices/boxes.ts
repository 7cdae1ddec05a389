import type { Box } from '../../../shared/contract/index.ts';

export type BoxStyle = { left: string; top: string; width: string; height: string };

function clamp01(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(1, Math.max(0, n));
}

function pct(n: number): string {
  // Four decimals of a percent is far below a pixel on any page we show.
  return `${Math.round(n * 1_000_000) / 10_000}%`;
}

/**
 * A box in page fractions → absolute CSS inside the page's wrapper, in percent so it follows the
 * zoom without recomputing. Boxes that spill over the edge (OCR rounding) are cut to the page.
 */
export function boxStyle(box: Box): BoxStyle {
  const left = clamp01(box.x);
  const top = clamp01(box.y);
  const right = clamp01(box.x + Math.max(0, box.w));
  const bottom = clamp01(box.y + Math.max(0, box.h));
  return {
    left: pct(left),
    top: pct(top),
    width: pct(right - left),
    height: pct(bottom - top),
  };
}

/** The boxes drawn on one page; empty ones (nothing left after clamping) are dropped. */
export function boxesOnPage(boxes: readonly Box[], page: number): Box[] {
  return boxes.filter((b) => {
    if (b.page !== page) return false;
    const s = boxStyle(b);
    return s.width !== '0%' && s.height !== '0%';
  });
}

/** Width of the page image in CSS: the panel's width, or the image's own pixels at 100 %. */
export function pageWidth(zoom: 'fit' | 'full', naturalWidth: number): string {
  return zoom === 'fit' || naturalWidth <= 0 ? '100%' : `${Math.round(naturalWidth)}px`;
}
