/**
 * Reading the editing trace (`shared/data/automerge-paper-trace.json`, format in
 * `shared/data/README.md`): every edit is checked where the file enters, and the
 * stated final text must match its stated SHA-256, so a replay can be trusted to
 * know what it should end with.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** `[pos, 0, char]` inserts one character at `pos`; `[pos, 1]` deletes the one at `pos`. */
export type TraceEdit = readonly [number, 0, string] | readonly [number, 1];

export interface Trace {
  readonly name: string;
  readonly path: string;
  readonly edits: readonly TraceEdit[];
  readonly insertCount: number;
  readonly finalText: string;
  readonly finalSha256: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkEdit(value: unknown, index: number): TraceEdit {
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    const [pos, kind, char] = items;
    if (typeof pos === 'number' && Number.isInteger(pos) && pos >= 0) {
      if (kind === 0 && items.length === 3 && typeof char === 'string' && char.length === 1) {
        return [pos, 0, char];
      }
      if (kind === 1 && items.length === 2) return [pos, 1];
    }
  }
  throw new Error(`trace edit ${index} is not [pos, 0, "c"] or [pos, 1]: ${JSON.stringify(value)}`);
}

export async function loadTrace(file: string): Promise<Trace> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the editing trace ${file}: ${String(error)}`);
  }
  if (!isObject(parsed) || !Array.isArray(parsed.edits)) {
    throw new Error(`${file} is not an editing trace: no "edits" array`);
  }
  const rawEdits: readonly unknown[] = parsed.edits;
  const { name, finalText, finalSha256 } = parsed;
  if (typeof finalText !== 'string' || typeof finalSha256 !== 'string') {
    throw new Error(`${file} lacks "finalText" or "finalSha256"`);
  }
  if (sha256(finalText) !== finalSha256) {
    throw new Error(`${file}: "finalText" does not match "finalSha256"`);
  }
  const edits = rawEdits.map(checkEdit);
  return {
    name: typeof name === 'string' ? name : 'trace',
    path: file,
    edits,
    insertCount: edits.filter((edit) => edit[1] === 0).length,
    finalText,
    finalSha256,
  };
}
