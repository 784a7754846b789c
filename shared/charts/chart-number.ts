/**
 * Numbers as a chart says them, on the screen and in every export: up to three decimals (enough
 * to read a chart; data tables keep the stored values), UK grouping.
 */
const formatter = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

export function formatNumber(value: number): string {
  return formatter.format(value);
}

/** A value that may be missing (no centre line yet, no limits on a run chart). */
export function formatOptional(value: number | null): string {
  return value === null ? 'none' : formatter.format(value);
}
