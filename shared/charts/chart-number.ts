/**
 * Numbers as a chart says them, on the screen and in every export: up to three decimals (enough
 * to read a chart; data tables keep the stored values), UK grouping.
 */
// Made at first use, not when the module loads: a number format reads the locale data
// (megabytes of the runtime's memory), which a server that never formats one never needs.
let formatter: Intl.NumberFormat | null = null;

function numberFormat(): Intl.NumberFormat {
  formatter ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
  return formatter;
}

export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

/** A value that may be missing (no centre line yet, no limits on a run chart). */
export function formatOptional(value: number | null): string {
  return value === null ? 'none' : numberFormat().format(value);
}
