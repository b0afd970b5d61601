// Chinese substring search without a scan: records carry the set of character bigrams of their text in a multi-entry
// index; a query is answered from the index by its rarest bigram, then confirmed by a real substring test.

/** Folds width and case and drops whitespace and punctuation, so 「支委会」 and 「支 委 会。」 match. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Every distinct bigram of the normalized text (a single character yields itself). */
export function bigramsOf(text: string): string[] {
  const chars = Array.from(normalizeForSearch(text));
  if (chars.length === 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/** The index terms of a record from its searchable fields. */
export function searchTermsOf(fields: readonly string[]): string[] {
  const out = new Set<string>();
  for (const f of fields) for (const t of bigramsOf(f)) out.add(t);
  return [...out];
}

/** The bigrams of a query; empty when the query has no searchable character. */
export function queryTerms(query: string): string[] {
  return bigramsOf(query);
}

/** The confirmation step: does any field contain the query as a substring (after normalization)? */
export function matchesQuery(fields: readonly string[], query: string): boolean {
  const q = normalizeForSearch(query);
  if (!q) return false;
  return fields.some((f) => normalizeForSearch(f).includes(q));
}
