/**
 * PDFs carry their own fonts: names typed in any European script come back out
 * of the PDF as typed, read by PDF.js, in every style the report uses (heading,
 * paragraph, table, italic), and the only fonts drawn are the DejaVu family the
 * project ships, so no host font is ever needed.
 */
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../server/export/blocks';
import { renderDocument } from '../../server/export/export-formats';
import { readPdf } from '../helpers/pdf-read';

const NAMES = [
  'Zoë Brontë', // English and Welsh names with a diaeresis
  'Siân Gwŷn ap Rhŷs', // Welsh circumflexes on w and y
  'Łucja Wróblewska-Żak', // Polish
  'Günther Straße', // German sharp s
  'Dvořák Šťastný', // Czech
  'Ólafur Þórðarson', // Icelandic
  'Aurélie Lefèvre-Nœl', // French
  'Ioana Țărnă', // Romanian comma below
  'Αλέξης Παπαδόπουλος', // Greek
  'Олена Шевченко', // Ukrainian Cyrillic
];

const report: ReportDocument = {
  title: `Team: ${NAMES[0]}`,
  blocks: [
    { kind: 'heading', level: 1, text: NAMES.slice(0, 2).join(' and ') },
    { kind: 'paragraph', text: NAMES.slice(2, 5).join('; ') },
    { kind: 'paragraph', text: NAMES[5] ?? '', style: 'meta' },
    {
      kind: 'table',
      caption: 'Who took part',
      head: ['Name', 'Profession'],
      rows: NAMES.slice(6).map((name) => [name, 'Nurse']),
    },
  ],
};

describe('PDF fonts shipped with the project', () => {
  it('shows names in several European scripts exactly as typed', async () => {
    const pdf = (await renderDocument('pdf', report)) as Buffer;
    const reading = await readPdf(pdf);
    const text = reading.text.replace(/\s+/g, ' ');
    for (const name of NAMES) expect(text).toContain(name);
    expect(reading.title).toBe(`Team: ${NAMES[0]}`);
  });

  it('embeds only the DejaVu family, never a built-in or host font', async () => {
    const pdf = (await renderDocument('pdf', report)) as Buffer;
    const { fonts } = await readPdf(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold|-Oblique)?$/);
    const raw = pdf.toString('latin1');
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Courier|Times)/);
    expect(raw).toContain('/FontFile2');
  });
});
