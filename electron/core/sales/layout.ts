/**
 * Monospace layout for thermal paper: 32 columns on 58 mm rolls, 48 on 80 mm. Every function
 * returns lines no longer than the width, whatever the text, so nothing is cut by the printer.
 */

export const COLUMNS = { 58: 32, 80: 48 } as const;

/**
 * Word wrap; a word longer than the width is split. Leading spaces indent every line of their
 * paragraph. Blank text gives no lines.
 */
export function wrap(text: string, fullWidth: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const indent = (/^ */.exec(paragraph)?.[0] ?? '').slice(0, Math.floor(fullWidth / 2));
    const width = fullWidth - indent.length;
    const start = out.length;
    let line = '';
    for (const raw of paragraph.split(/\s+/)) {
      let word = raw;
      if (word === '') continue;
      while (word.length > width) {
        if (line !== '') {
          out.push(line);
          line = '';
        }
        out.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    if (line !== '') out.push(line);
    for (let i = start; i < out.length; i++) out[i] = `${indent}${out[i] ?? ''}`;
  }
  return out;
}

export function center(text: string, width: number): string[] {
  return wrap(text, width).map((l) => {
    const pad = Math.floor((width - l.length) / 2);
    return `${' '.repeat(pad)}${l}`;
  });
}

/** Text on the left, an amount flush right; when both do not fit, the amount goes below. */
export function leftRight(left: string, right: string, width: number): string[] {
  if (left.length + 1 + right.length <= width) {
    return [`${left}${' '.repeat(width - left.length - right.length)}${right}`];
  }
  const lines = wrap(left, width);
  const last = lines[lines.length - 1] ?? '';
  if (last.length + 1 + right.length <= width) {
    lines[lines.length - 1] = `${last}${' '.repeat(width - last.length - right.length)}${right}`;
    return lines;
  }
  return [...lines, right.slice(0, width).padStart(width)];
}

export function rule(width: number, char = '-'): string {
  return char.repeat(width);
}
