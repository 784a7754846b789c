/**
 * The colour of a person's caret and presence swatch, derived from their user id
 * so that it is the same on every device and in every session.
 */

/** Caret colours dark enough for white text on them (contrast at least 4.5:1). */
export const CARET_COLOURS = [
  '#005eb8', // NHS blue
  '#007f3b', // NHS green
  '#330072', // NHS purple
  '#7c2855', // NHS plum
  '#8a1538', // NHS dark red
  '#00403a', // dark teal
  '#425563', // NHS dark grey
  '#a02b00', // dark orange
] as const;

/** `#rrggbb`: Tiptap's caret extension and the server's awareness check need this form. */
export function colourFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length] ?? CARET_COLOURS[0];
}
