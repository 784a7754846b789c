/**
 * NHS numbers: ten digits, the last a modulus-11 check digit over the first nine
 * (weights 10 down to 2). A number whose check comes out as 10 is never issued, so
 * ten digits that fail the check are not an NHS number and are not flagged.
 */

/** The check digit for the first nine digits, or null when no valid number has them. */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(firstNine[index]) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

/** Whether `text` is a valid NHS number, written with or without spaces or hyphens. */
export function isValidNhsNumber(text: string): boolean {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}
