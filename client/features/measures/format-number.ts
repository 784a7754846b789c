/** Numbers as a chart and its table show them: up to three decimals, UK grouping. */
const formatter = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

export function formatNumber(value: number): string {
  return formatter.format(value);
}

/** A value that may be missing (no centre line yet, no limits on a run chart). */
export function formatOptional(value: number | null): string {
  return value === null ? 'none' : formatter.format(value);
}
