/**
 * Diagrams in exports are pictures, with their outline as the text alternative:
 * the demo lab's driver diagram, fishbone and process map each become an image
 * in Word (the SVG with a PNG fallback), vector drawing with real text in the
 * PDF (so a reader finds the labels), and inline SVG carrying the labels in HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LAB } from '../../shared/demo';
import { exportBytes, startDemoWorkspace } from '../helpers/demo-workspace';
import { readPdf } from '../helpers/pdf-read';
import type { TestWorkspace } from '../helpers/workspace';
import { unzip } from '../helpers/zip-read';

const LABELS = {
  drivers: ['Patients can get help when they need it', 'Call bell always within reach'],
  fishbone: ['Patients fall at night on Ward 7', 'Dim lighting on the way to the toilet'],
  process: ['Call bell in reach?', 'Nurse asks the HCA to help'],
};

/** An SVG's text as a reader gets it: tags dropped, entities and white space as written. */
const svgText = (svg: string) =>
  svg
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('diagrams in exports', () => {
  let workspace: TestWorkspace;
  const exportLab = (format: string) =>
    exportBytes(workspace, `/api/labs/${DEMO_LAB.id}/export?format=${format}&include=drafts`);

  beforeAll(async () => {
    workspace = await startDemoWorkspace();
  });

  afterAll(async () => {
    await workspace?.stop();
  });

  it('puts each diagram in Word as an SVG picture with a PNG fallback', async () => {
    const files = unzip(await exportLab('docx'));
    const media = [...files.keys()].filter((name) => name.startsWith('word/media/'));
    const svgs = media
      .filter((name) => name.endsWith('.svg'))
      .map((n) => svgText(files.get(n)?.toString('utf8') ?? ''));
    const pngs = media.filter((name) => name.endsWith('.png'));
    expect(svgs).toHaveLength(3);
    expect(pngs).toHaveLength(3);
    for (const labels of Object.values(LABELS))
      expect(svgs.some((svg) => labels.every((label) => svg.includes(label)))).toBe(true);
    for (const png of pngs) expect(files.get(png)?.subarray(1, 4).toString('latin1')).toBe('PNG');
    const document = files.get('word/document.xml')?.toString('utf8') ?? '';
    expect(document).toContain('descr="Driver diagram with 10 entries');
  });

  it('draws each diagram in the PDF with its labels as text', async () => {
    const pdf = await readPdf(await exportLab('pdf'));
    const text = pdf.text.replace(/\s+/g, ' ');
    // The labels appear twice: in the drawing and in its outline.
    for (const label of Object.values(LABELS).flat()) {
      expect(text.split(label).length - 1, label).toBeGreaterThanOrEqual(2);
    }
    expect(pdf.roles.filter((role) => role === 'Figure').length).toBeGreaterThanOrEqual(3);
  });

  it('shows each diagram in HTML as an SVG with the same labels', async () => {
    const html = (await exportLab('html')).toString('utf8');
    const figures = (
      html.match(/<figure class="diagram"><svg[\s\S]*?<\/svg><\/figure>/g) ?? []
    ).map(svgText);
    expect(figures).toHaveLength(3);
    for (const labels of Object.values(LABELS))
      expect(figures.some((svg) => labels.every((label) => svg.includes(label)))).toBe(true);
  });
});
