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
