// Threshold comparisons and the symbols a person reads for them (review, docs).

export const COMPARISON_SYMBOLS: Readonly<Record<string, string>> = {
  COMPARISON_GT: '>',
  COMPARISON_GE: '≥',
  COMPARISON_LT: '<',
  COMPARISON_LE: '≤',
  COMPARISON_EQ: '=',
  COMPARISON_NE: '≠',
};

/** `>` for COMPARISON_GT; an unknown name is shown as written. */
export function comparisonSymbol(comparison: string): string {
  return COMPARISON_SYMBOLS[comparison] ?? comparison;
}

/** Whether a policy with this comparison fires when the value rises (GT, GE) or falls (LT, LE). */
export function comparisonDirection(comparison: string): 'above' | 'below' | undefined {
  if (/^COMPARISON_(GT|GE)$/.test(comparison)) return 'above';
  if (/^COMPARISON_(LT|LE)$/.test(comparison)) return 'below';
  return undefined;
}
