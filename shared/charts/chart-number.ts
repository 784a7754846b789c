/**
 * Numbers as a chart says them, on the screen and in every export: up to three decimals (enough
 * to read a chart; data tables keep the stored values), UK grouping. Written without `Intl`
 * (`english-number.ts`), whose number data a first page or a server would otherwise load.
 */
import { formatGroupedNumber } from '../english-number';

export function formatNumber(value: number): string {
  return formatGroupedNumber(value, 3);
}

/** A value that may be missing (no centre line yet, no limits on a run chart). */
export function formatOptional(value: number | null): string {
  return value === null ? 'none' : formatGroupedNumber(value, 3);
}
