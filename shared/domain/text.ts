const MAX_TOKENS = 10;

/**
 * Canonical form for search and duplicate detection: lowercase, no diacritics ("Ñoquis" →
 * "noquis", "Azúcar" → "azucar"), single spaces, trimmed. The same function must be used when
 * indexing and when querying, or matches are lost.
 */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Folded words split on anything that is not a letter or digit; deduplicated, at most 10. */
export function searchTokens(s: string): string[] {
  const tokens: string[] = [];
  for (const token of foldText(s).split(/[^\p{L}\p{N}]+/u)) {
    if (token === '' || tokens.includes(token)) continue;
    tokens.push(token);
    if (tokens.length === MAX_TOKENS) break;
  }
  return tokens;
}

/**
 * SQLite FTS5 MATCH expression that requires every token as a prefix: `"azucar"* "ledesma"*`.
 * Each token is a quoted string so user input can never be read as FTS syntax (AND, NEAR, -, :).
 * Null when there is nothing to search for: callers should then list without filtering.
 */
export function ftsQuery(s: string): string | null {
  const tokens = searchTokens(s);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
}

/** How alike two texts are, in [0, 1]: one less their edit distance over the longer's length. */
export function editSimilarity(x: string, y: string): number {
  if (x === y) return 1;
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) return 0;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return 1 - (prev[m] ?? 0) / Math.max(n, m);
}
