/**
 * A number typed into a text box: what is typed stays on screen while it is being typed (a
 * lone "-" or "1." is not a number yet), and the stored value changes only when the text is a
 * number or empty. A remote change replaces the text unless it already says the same number.
 */
import { useEffect, useState } from 'react';
import { parseNumber } from '../../../shared/charts/measure-csv';

export function readNumber(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const value = parseNumber('value', text);
  return typeof value === 'number' ? value : undefined;
}

const show = (value: number | null) => (value === null ? '' : String(value));

export interface NumberDraft {
  readonly draft: string;
  /** The text is not a number, so nothing was stored. */
  readonly invalid: boolean;
  onChange(text: string): void;
  onBlur(): void;
}

export function useNumberDraft(
  stored: number | null,
  commit: (value: number | null) => void,
): NumberDraft {
  const [draft, setDraft] = useState(() => show(stored));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new stored value resets the text.
  useEffect(() => {
    if (readNumber(draft) !== stored) setDraft(show(stored));
  }, [stored]);
  const parsed = readNumber(draft);
  return {
    draft,
    invalid: parsed === undefined,
    onChange(text) {
      setDraft(text);
      const value = readNumber(text);
      if (value !== undefined && value !== stored) commit(value);
    },
    onBlur() {
      if (readNumber(draft) === undefined) setDraft(show(stored));
    },
  };
}
