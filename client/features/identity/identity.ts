/**
 * Who is typing, until accounts exist: a display name the person picks and a
 * caret colour, both kept in this browser's local storage.
 */
const STORAGE_KEY = 'improvement-lab:identity';

export interface Identity {
  readonly name: string;
  /** `#rrggbb`: Tiptap's caret extension needs this form. */
  readonly color: string;
}

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

export const MAX_NAME_LENGTH = 60;

export function pickColour(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length] ?? CARET_COLOURS[0];
}

export function normaliseName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

export function loadIdentity(storage: Storage): Identity | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { name, color } = value as Record<string, unknown>;
    if (typeof name !== 'string' || typeof color !== 'string') return null;
    if (!normaliseName(name) || !/^#[0-9a-f]{6}$/i.test(color)) return null;
    return { name: normaliseName(name), color };
  } catch {
    return null;
  }
}

export function saveIdentity(storage: Storage, name: string): Identity {
  const identity = { name: normaliseName(name), color: pickColour(`${name}:${Date.now()}`) };
  storage.setItem(STORAGE_KEY, JSON.stringify(identity));
  return identity;
}
