/** Nearest-rank percentile of already sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Times `fn` once per input, in ms, after a warm-up so the JIT and SQLite's cache settle. */
export async function timeEach<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  warmup = 200,
): Promise<number[]> {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) await fn(inputs[i] as T);
  const out: number[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const t = performance.now();
    await fn(inputs[i] as T);
    out[i] = performance.now() - t;
  }
  return out.sort((a, b) => a - b);
}

export const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/** Same as timeEach for synchronous work, with no await in the timed path. */
export function timeEachSync<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup = 200): number[] {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i] as T);
  const out: number[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const t = performance.now();
    fn(inputs[i] as T);
    out[i] = performance.now() - t;
  }
  return out.sort((a, b) => a - b);
}
