/**
 * A lab's hospital (local patient) number formats, written as simple masks rather
 * than regular expressions: `#` stands for a digit, `@` for a letter, anything else
 * for itself (`RX######`, `@#######`), several separated by commas. A mask cannot
 * make the check slow whatever a facilitator types, unlike a regular expression
 * run on the server against every comment.
 */
import * as z from 'zod';

export const MAX_HOSPITAL_NUMBER_MASKS = 10;
const MAX_MASK_LENGTH = 30;

/** One mask: at least 4 characters, at least 3 of them digits or letters to match. */
const MaskSchema = z
  .string()
  .min(4, 'a hospital number format needs at least 4 characters')
  .max(MAX_MASK_LENGTH, `a hospital number format has at most ${MAX_MASK_LENGTH} characters`)
  .regex(/^[A-Za-z0-9#@/ -]+$/, 'use only letters, digits, #, @, spaces, hyphens or slashes')
  .refine(
    (mask) => (mask.match(/[#@]/g) ?? []).length >= 3,
    'a hospital number format needs at least 3 of # or @',
  );

/** A comma-separated list of masks as a facilitator types it; empty means none. */
export const HospitalNumberMasksSchema = z
  .string()
  .trim()
  .max(MAX_HOSPITAL_NUMBER_MASKS * (MAX_MASK_LENGTH + 2))
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(MaskSchema).max(MAX_HOSPITAL_NUMBER_MASKS));

function literal(char: string): string {
  return /[A-Za-z0-9 ]/.test(char) ? char : `\\${char}`;
}

/** A regular expression for one mask; its parts are fixed-width, so it runs in linear time. */
export function maskPattern(mask: string): string {
  return [...mask]
    .map((char) => (char === '#' ? '\\d' : char === '@' ? '[A-Za-z]' : literal(char)))
    .join('');
}
