/**
 * Finds internal codes in what an export says: a stored choice value written as it is stored
 * ("Source: elsewhere") or merely capitalised ("Direction of improvement: Down", "Source:
 * Elsewhere"), chart and rule codes ("Xmr", "Mdc", "Ihi", "Anhoej") and snake_case identifiers.
 * Built from the item kinds' specs, so a new choice is checked without being listed here.
 */
import { CHOICE_LABELS } from '../../shared/documents/choice-labels';
import { KINDS } from '../../shared/documents/item-kinds';

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalise = (code: string) => {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

interface CodePattern {
  readonly name: string;
  readonly pattern: RegExp;
}

function choicePatterns(): CodePattern[] {
  const patterns: CodePattern[] = [];
  for (const [kind, spec] of Object.entries(KINDS)) {
    const fields = [
      ...Object.entries(spec.fields),
      ...Object.values(spec.lists).flatMap((list) => Object.entries(list.columns)),
    ];
    for (const [name, field] of fields) {
      if (field.type !== 'choice') continue;
      const words = CHOICE_LABELS[kind as keyof typeof CHOICE_LABELS][name] ?? {};
      for (const code of field.options) {
        for (const shown of new Set([code, capitalise(code)])) {
          if (words[code] === shown) continue;
          // "Down: lower is better" and "Patient idea" are words; "Direction of improvement:
          // Down" and "Source: Patient" are codes (a code is followed by the next label or a stop).
          patterns.push({
            name: `${field.label} ${shown}`,
            pattern: new RegExp(
              `${literal(field.label.replace(/[?:]$/, ''))}[?:]?\\s+${literal(shown)}(?![\\w:]| [a-z])`,
            ),
          });
        }
      }
    }
  }
  return patterns;
}

const PATTERNS: readonly CodePattern[] = [
  ...choicePatterns(),
  { name: 'chart or rule code', pattern: /\b(?:Xmr|Mdc|Ihi|Anhoej|xmr|mdc|ihi|anhoej)\b/ },
  { name: 'snake_case identifier', pattern: /\b[a-z]+(?:_[a-z]+)+\b/ },
];

/** Each internal code found in the text (white space, line breaks included, read as one space). */
export function internalCodes(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  return PATTERNS.flatMap(({ name, pattern }) => {
    const match = pattern.exec(flat);
    if (!match) return [];
    const around = flat.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40);
    return [`${name}: “…${around}…”`];
  });
}

/** The words of an HTML or Markdown export: its markup, styles and drawing attributes left out. */
export function markupText(source: string): string {
  return source
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}
