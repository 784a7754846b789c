/**
 * A small RFC 4180 CSV reader that remembers where each record started, so every error about the
 * data can name its line. Accepts LF, CRLF or CR line ends, a UTF-8 byte-order mark, and quoted
 * fields (with "" for a quote, and line breaks inside quotes). No Node APIs: it runs in the
 * browser too, for pasted or uploaded measure data.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvIssue {
  line: number;
  message: string;
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; issue: CsvIssue };

interface Cursor {
  text: string;
  at: number;
  line: number;
}

/** Reads one quoted field starting at the opening quote; leaves the cursor after the closing one. */
function readQuoted(cursor: Cursor, startLine: number): string | CsvIssue {
  let value = '';
  cursor.at++;
  while (cursor.at < cursor.text.length) {
    const char = cursor.text[cursor.at];
    if (char === '"') {
      if (cursor.text[cursor.at + 1] === '"') {
        value += '"';
        cursor.at += 2;
        continue;
      }
      cursor.at++;
      return value;
    }
    if (char === '\n' || (char === '\r' && cursor.text[cursor.at + 1] !== '\n')) {
      cursor.line++;
    }
    value += char;
    cursor.at++;
  }
  return { line: startLine, message: 'a quoted field is not closed' };
}

/** Reads an unquoted field up to the next comma or line end. */
function readPlain(cursor: Cursor): string | CsvIssue {
  const start = cursor.at;
  while (cursor.at < cursor.text.length) {
    const char = cursor.text[cursor.at];
    if (char === ',' || char === '\n' || char === '\r') {
      break;
    }
    if (char === '"') {
      return { line: cursor.line, message: 'a quote inside an unquoted field' };
    }
    cursor.at++;
  }
  return cursor.text.slice(start, cursor.at);
}

/** Consumes a line end if the cursor is on one; true when it did. */
function skipLineEnd(cursor: Cursor): boolean {
  const char = cursor.text[cursor.at];
  if (char === '\r') {
    cursor.at += cursor.text[cursor.at + 1] === '\n' ? 2 : 1;
  } else if (char === '\n') {
    cursor.at++;
  } else {
    return false;
  }
  cursor.line++;
  return true;
}

function readRecord(cursor: Cursor): CsvRecord | CsvIssue {
  const line = cursor.line;
  const fields: string[] = [];
  for (;;) {
    const field = cursor.text[cursor.at] === '"' ? readQuoted(cursor, line) : readPlain(cursor);
    if (typeof field !== 'string') {
      return field;
    }
    fields.push(field);
    if (cursor.text[cursor.at] === ',') {
      cursor.at++;
      continue;
    }
    if (cursor.at >= cursor.text.length || skipLineEnd(cursor)) {
      return { line, fields };
    }
    return { line: cursor.line, message: 'unexpected text after a closing quote' };
  }
}

export function parseCsv(text: string): CsvResult {
  const cursor: Cursor = { text: text.replace(/^\uFEFF/, ''), at: 0, line: 1 };
  const records: CsvRecord[] = [];
  while (cursor.at < cursor.text.length) {
    const record = readRecord(cursor);
    if ('message' in record) {
      return { ok: false, issue: record };
    }
    records.push(record);
  }
  return { ok: true, records };
}

/** A record that is only whitespace (an empty line, or spaces). */
export function isBlank(record: CsvRecord): boolean {
  return record.fields.length === 1 && (record.fields[0] ?? '').trim() === '';
}
