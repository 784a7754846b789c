/**
 * Numbers as `Intl.NumberFormat('en-GB', { maximumFractionDigits })` writes them
 * ("1,234.5", "-0.25"), written out here: the first `Intl` number format a page
 * makes loads the browser's number data, tens of milliseconds on the first page of
 * a visit and megabytes of a server's memory. Like `Intl`, it rounds the shortest
 * decimal that reads back as the same number (`String(value)`), half away from zero;
 * a number JavaScript writes with an exponent (below 0.000001 or from 10²¹) goes to
 * `Intl` itself. A unit test compares the two over many numbers.
 */

const formats = new Map<number, Intl.NumberFormat>();

function viaIntl(value: number, maxFractionDigits: number): string {
  let format = formats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: maxFractionDigits });
    formats.set(maxFractionDigits, format);
  }
  return format.format(value);
}

/** "1234567" → "1,234,567". */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

export function formatGroupedNumber(value: number, maxFractionDigits: number): string {
  const magnitude = Math.abs(value);
  const written = String(magnitude);
  if (!Number.isFinite(value) || written.includes('e')) return viaIntl(value, maxFractionDigits);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const [whole = '0', fraction = ''] = written.split('.');
  if (fraction.length <= maxFractionDigits) {
    return `${sign}${grouped(whole)}${fraction ? `.${fraction}` : ''}`;
  }
  // Round the decimal digits themselves, half away from zero, carrying into the whole part.
  let kept = BigInt(whole + fraction.slice(0, maxFractionDigits));
  if (Number(fraction[maxFractionDigits]) >= 5) kept += 1n;
  const digits = kept.toString().padStart(maxFractionDigits + 1, '0');
  const cut = digits.length - maxFractionDigits;
  const roundedFraction = digits.slice(cut).replace(/0+$/, '');
  return `${sign}${grouped(digits.slice(0, cut))}${roundedFraction ? `.${roundedFraction}` : ''}`;
}
