/**
 * The guardrail over an item's document: the text of one field or rich-text
 * section, what the rules find in it, and every text of the document redacted for
 * an export. Offsets are into each Y.Text (a field, or one paragraph's Y.XmlText of
 * a rich-text section) as Yjs counts them, so a finding can be deleted in place.
 */
import * as Y from 'yjs';
import { FIELDS_MAP, LEGACY_NOTE_BODY, META_MAP, MetaKey } from '../documents/names';
import {
  findPersonalData,
  type PersonalDataFinding,
  type PersonalDataRules,
  redactPersonalData,
} from './rules';

/** A Y.Text's characters as Yjs indexes them (formatting left out, an embed one character). */
export function plainText(text: Y.Text): string {
  let result = '';
  for (const part of text.toDelta() as Array<{ insert: unknown }>) {
    result += typeof part.insert === 'string' ? part.insert : '\uFFFC';
  }
  return result;
}

/**
 * Texts that are data, not words: a measure's period is its chart's x axis, often a
 * date long ago, and never taken for a date of birth.
 */
const DATA_KEYS: ReadonlySet<string> = new Set(['period']);

function collectTexts(type: unknown, into: Y.Text[]): void {
  // Y.XmlText is a Y.Text: a rich-text paragraph's runs are found here too.
  if (type instanceof Y.Text) into.push(type);
  else if (type instanceof Y.Map) {
    for (const [key, value] of type.entries()) if (!DATA_KEYS.has(key)) collectTexts(value, into);
  } else if (type instanceof Y.Array) for (const value of type.toArray()) collectTexts(value, into);
  else if (type instanceof Y.XmlFragment || type instanceof Y.XmlElement)
    for (const child of type.toArray()) collectTexts(child, into);
}

/** The Y.Texts in a field's Y.Text or a section's fragment (each paragraph's), in order. */
export function textsIn(type: Y.Text | Y.XmlFragment): Y.Text[] {
  const texts: Y.Text[] = [];
  collectTexts(type, texts);
  return texts;
}

/** The Y.Texts of `fields.<name>` or `text.<section>` (each paragraph's), in order. */
export function targetTexts(doc: Y.Doc, target: string): Y.Text[] {
  const texts: Y.Text[] = [];
  const [space, name = ''] = target.split(/\.(.*)/s);
  if (space === 'fields') collectTexts(doc.getMap(FIELDS_MAP).get(name), texts);
  else if (space === 'text') collectTexts(doc.getXmlFragment(target), texts);
  return texts;
}

/** What the rules find in a field or section, each paragraph read on its own. */
export function findInTarget(
  doc: Y.Doc,
  target: string,
  rules: PersonalDataRules,
): PersonalDataFinding[] {
  return targetTexts(doc, target).flatMap((text) => findPersonalData(plainText(text), rules));
}

/** Replaces every finding in one Y.Text, last first so earlier offsets stay put. */
function redactText(text: Y.Text, rules: PersonalDataRules, replacement: string): number {
  const findings = findPersonalData(plainText(text), rules);
  for (const finding of [...findings].reverse()) {
    text.delete(finding.start, finding.end - finding.start);
    if (replacement) text.insert(finding.start, replacement);
  }
  return findings.length;
}

/**
 * Every text of an item's document with the findings replaced (for an export, on the
 * export's own copy): fields, rich-text sections, lists' rows and the title.
 * Returns how many were replaced.
 */
export function redactDocument(doc: Y.Doc, rules: PersonalDataRules, replacement: string): number {
  const texts: Y.Text[] = [];
  let count = 0;
  doc.transact(() => {
    // Top-level types are typed by their name: reading one names its type.
    for (const name of [...doc.share.keys()]) {
      if (name === FIELDS_MAP) collectTexts(doc.getMap(name), texts);
      else if (name.startsWith('list.')) collectTexts(doc.getArray(name), texts);
      else if (name.startsWith('text.') || name === LEGACY_NOTE_BODY)
        collectTexts(doc.getXmlFragment(name), texts);
    }
    for (const text of texts) count += redactText(text, rules, replacement);
    const meta = doc.getMap(META_MAP);
    const title = meta.get(MetaKey.Title);
    if (typeof title === 'string') {
      const redacted = redactPersonalData(title, rules, replacement);
      if (redacted !== title) {
        meta.set(MetaKey.Title, redacted);
        count += 1;
      }
    }
  });
  return count;
}
