/**
 * @mentions in a comment: "@" followed by a person's name as the lab knows it. The
 * comment stays plain text; the server finds who is mentioned by matching the names
 * of the people who may be mentioned, the longest name winning where two start alike
 * ("@Ann Smith" mentions Ann Smith, not Ann), so no markup or id travels in the text.
 * The comment box finds the name being typed after "@" the same way.
 */

export interface Mentionable {
  readonly id: string;
  readonly name: string;
}

/** Characters that may follow a name: anything but a letter or digit. */
const NAME_CHAR = /[\p{L}\p{N}]/u;

/** The people among `candidates` whose name follows an "@" in `text`, in order of first mention. */
export function findMentions(text: string, candidates: readonly Mentionable[]): string[] {
  const byLength = [...candidates]
    .filter((each) => each.name.trim() !== '')
    .sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && NAME_CHAR.test(lower[at - 1] ?? '')) continue; // an email address
    const match = byLength.find((each) => {
      const name = each.name.toLowerCase();
      const after = lower[at + 1 + name.length] ?? '';
      return lower.startsWith(name, at + 1) && !NAME_CHAR.test(after);
    });
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found;
}

/**
 * The name being typed at `caret`: the text after the last "@" before the caret,
 * when that "@" starts a word and no line break follows it; null otherwise.
 */
export function mentionQueryAt(
  text: string,
  caret: number,
): { readonly start: number; readonly query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  if (at > 0 && NAME_CHAR.test(before[at - 1] ?? '')) return null;
  const query = before.slice(at + 1);
  if (query.length > 60 || /[\n@]/.test(query) || query.startsWith(' ')) return null;
  return { start: at, query };
}
