const MAX_VALUE = 60;

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) return '∅';
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function isNil(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * One line per changed field, `campo: antes → después`, so an edit reads at a glance; creations
 * and deletions list the fields they carry. Full JSON stays available beside it.
 */
export function describeChange(before: unknown, after: unknown): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => `${k}: ${short(before[k])} → ${short(after[k])}`);
  }
  const only = after ?? before;
  if (isRecord(only)) {
    const sign = isNil(after) ? '−' : '+';
    return Object.entries(only).map(([k, v]) => `${sign} ${k}: ${short(v)}`);
  }
  if (isNil(before) && isNil(after)) return [];
  return [`${short(before)} → ${short(after)}`];
}
