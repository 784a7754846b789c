/**
 * The guardrail over an item's document: the text of one field or rich-text
 * section, and what the rules find in it. Offsets are into each Y.Text (a field, or
 * one paragraph's Y.XmlText of a rich-text section) as Yjs counts them, so a finding
 * can be deleted in place.
 */
import * as Y from 'yjs';
import { FIELDS_MAP } from '../documents/names';
import { findPersonalData, type PersonalDataFinding, type PersonalDataRules } from './rules';

/** A Y.Text's characters as Yjs indexes them (formatting left out, an embed one character). */
export function plainText(text: Y.Text): string {
  let result = '';
  for (const part of text.toDelta() as Array<{ insert: unknown }>) {
    result += typeof part.insert === 'string' ? part.insert : '\uFFFC';
  }
  return result;
}

function collectTexts(type: unknown, into: Y.Text[]): void {
  // Y.XmlText is a Y.Text: a rich-text paragraph's runs are found here too.
  if (type instanceof Y.Text) into.push(type);
  else if (type instanceof Y.Map) for (const value of type.values()) collectTexts(value, into);
  else if (type instanceof Y.Array) for (const value of type.toArray()) collectTexts(value, into);
  else if (type instanceof Y.XmlFragment || type instanceof Y.XmlElement)
    for (const child of type.toArray()) collectTexts(child, into);
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
