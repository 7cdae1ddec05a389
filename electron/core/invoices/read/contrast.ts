/**
 * Stretches the grays, in place, so the darkest `lower` share of the page turns black and the
 * lightest `1 - upper` white, in a straight line between: faint print on gray paper gets the
 * contrast Tesseract's own threshold expects, and the ink keeps its shape (no curve thickens
 * bold or blurred strokes).
 */
export function stretchContrast(gray: Uint8Array, lower = 0.01, upper = 0.99): void {
  const hist = new Float64Array(256);
  for (let i = 0; i < gray.length; i++) hist[gray[i] ?? 0] = (hist[gray[i] ?? 0] ?? 0) + 1;
  const level = (share: number): number => {
    const target = gray.length * share;
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += hist[v] ?? 0;
      if (seen >= target) return v;
    }
    return 255;
  };
  const black = level(lower);
  const white = level(upper);
  if (white - black < 16) return;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    lut[v] = Math.max(0, Math.min(255, Math.round(((v - black) * 255) / (white - black))));
  }
  for (let i = 0; i < gray.length; i++) gray[i] = lut[gray[i] ?? 0] ?? 0;
}
