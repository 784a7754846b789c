/**
 * A process map in words, as each export gives it: the demo lab's map exported
 * on its own as Markdown, Word and HTML lists its steps as a real numbered list
 * (Markdown's "1." items, Word's decimal numbering, HTML's `<ol>`), in order,
 * each with its type and swimlane, and under a step, as bullets, its decision's
 * labelled branches (where each answer goes) and the problems and ideas noted
 * on it. Each format's list is read back with its nesting and the number the
 * format itself gives each step, so a branch or a note under the wrong step, a
 * step out of order, bullets for steps, or a number written twice, fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBytes, startDemoWorkspace } from '../helpers/demo-workspace';
import type { TestWorkspace } from '../helpers/workspace';
import { unzip } from '../helpers/zip-read';

/**
 * The demo's map (`server/demo/demo-diagrams.ts`) in words: depth, then the line, which begins
 * with the number the format numbered the item with ("1.") or "-" for a bullet.
 */
const STEPS: ReadonlyArray<readonly [number, string]> = [
  [0, '1. Start: Patient wakes needing the toilet (Patient)'],
  [0, '2. Decision: Call bell in reach? (Patient)'],
  [1, '- Yes: go to 3. Presses the call bell'],
  [1, '- No: gets up alone: go to 6. HCA walks the patient to the toilet'],
  [1, '- Problem: Bell often on the floor'],
  [1, '- Idea: Check the bell at handover'],
  [0, '3. Step: Presses the call bell (Patient)'],
  [0, '4. Wait: Waits for someone to come (Patient)'],
  [1, '- Problem: Waits of 10 minutes or more at 03:00'],
  [0, '5. Hand-off: Nurse asks the HCA to help (Nurse in charge)'],
  [0, '6. Step: HCA walks the patient to the toilet (Healthcare assistant)'],
  [1, '- Idea: Offer the toilet on every round'],
  [0, '7. End: Patient back in bed, bell in reach (Healthcare assistant)'],
];
const EXPECTED = STEPS.map(([depth, text]) => `${depth} ${text}`);

const decode = (text: string) =>
  text
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * Markdown's list items as "depth marker text", the escapes taken out. A child is indented to its
 * parent's words: three spaces under "1. ", two under "- ".
 */
function markdownOutline(markdown: string): string[] {
  const items: string[] = [];
  const columns: number[] = [];
  for (const [, indent = '', marker = '', text = ''] of markdown.matchAll(
    /^( *)(\d+\.|-) (.*)$/gm,
  )) {
    while (columns.length > 0 && (columns.at(-1) ?? 0) > indent.length) columns.pop();
    if (columns.at(-1) !== indent.length) columns.push(indent.length);
    items.push(`${columns.length - 1} ${marker} ${text.replace(/\\(.)/g, '$1')}`);
  }
  return items;
}

/**
 * Word's list paragraphs as "depth marker text": the depth from the level, the marker the number
 * Word counts for a paragraph whose numbering is decimal (the count of its list's paragraphs at
 * that level so far) or "-" for a bullet.
 */
function docxOutline(docx: Buffer): string[] {
  const files = unzip(docx);
  const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
  const numbering = files.get('word/numbering.xml')?.toString('utf8') ?? '';
  const decimalAbstract = new Set(
    [...numbering.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)".*?<\/w:abstractNum>/gs)]
      .filter(([whole]) => /<w:lvl w:ilvl="0"[^>]*>.*?<w:numFmt w:val="decimal"\/>/s.test(whole))
      .map(([, id]) => id),
  );
  const decimal = new Set(
    [...numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*>.*?<w:abstractNumId w:val="(\d+)"\/>/gs)]
      .filter(([, , abstract]) => decimalAbstract.has(abstract ?? ''))
      .map(([, id]) => id),
  );
  const counts = new Map<string, number>();
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].flatMap(([paragraph]) => {
    const numPr = /<w:numPr>.*?<\/w:numPr>/s.exec(paragraph)?.[0];
    if (numPr === undefined) return [];
    const level = /<w:ilvl w:val="(\d+)"\/>/.exec(numPr)?.[1] ?? '';
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(numPr)?.[1] ?? '';
    const key = `${numId}:${level}`;
    if (decimal.has(numId)) counts.set(key, (counts.get(key) ?? 0) + 1);
    const marker = decimal.has(numId) ? `${counts.get(key)}.` : '-';
    const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1])
      .join('');
    return [`${level} ${marker} ${decode(text)}`];
  });
}

/**
 * HTML's list items after the figure as "depth marker text": the depth from the nesting of lists,
 * the marker an item's place in an `<ol>` or "-" in a `<ul>`.
 */
function htmlOutline(html: string): string[] {
  const after = html.slice(html.indexOf('</figure>'));
  const items: string[] = [];
  const lists: Array<{ ordered: boolean; count: number }> = [];
  let current: { depth: number; marker: string; text: string } | null = null;
  const flush = () => {
    if (current) items.push(`${current.depth} ${current.marker} ${decode(current.text).trim()}`);
    current = null;
  };
  for (const [, tag, text] of after.matchAll(/<(\/?(?:ul|ol|li))>|([^<]+)|<[^>]*>/g)) {
    if (tag === 'ul' || tag === 'ol') {
      flush();
      lists.push({ ordered: tag === 'ol', count: 0 });
    } else if (tag === '/ul' || tag === '/ol') {
      flush();
      lists.pop();
      if (lists.length === 0) break;
    } else if (tag === 'li') {
      flush();
      const list = lists.at(-1);
      if (!list) continue;
      list.count += 1;
      current = {
        depth: lists.length - 1,
        marker: list.ordered ? `${list.count}.` : '-',
        text: '',
      };
    } else if (tag === '/li') flush();
    else if (text !== undefined && current) current.text += text;
  }
  return items;
}

describe('a process map exported as a numbered list of steps', () => {
  let workspace: TestWorkspace;
  const exportMap = (format: string) =>
    exportBytes(workspace, `/api/items/demo-process/export?format=${format}`);

  beforeAll(async () => {
    workspace = await startDemoWorkspace();
  });

  afterAll(async () => {
    await workspace?.stop();
  });

  it('in Markdown', async () => {
    expect(markdownOutline((await exportMap('md')).toString('utf8'))).toEqual(EXPECTED);
  });

  it('in Word', async () => {
    expect(docxOutline(await exportMap('docx'))).toEqual(EXPECTED);
  });

  it('in HTML', async () => {
    const html = (await exportMap('html')).toString('utf8');
    expect(html).toContain('<ol><li>Start: Patient wakes');
    expect(htmlOutline(html)).toEqual(EXPECTED);
  });
});
