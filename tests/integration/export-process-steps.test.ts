/**
 * A process map in words, as each export gives it: the demo lab's map exported
 * on its own as Markdown, Word and HTML lists its steps numbered in order, each
 * with its type and swimlane, and under a step its decision's labelled branches
 * (where each answer goes) and the problems and ideas noted on it. Each format's
 * list is read back with its nesting, so a branch or a note under the wrong
 * step, or a step out of order, fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LAB } from '../../shared/demo';
import { addMember, TEST_PASSWORD } from '../helpers/accounts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { unzip } from '../helpers/zip-read';

/** The demo's map (`server/demo/demo-diagrams.ts`) in words: depth, then the line. */
const STEPS: ReadonlyArray<readonly [number, string]> = [
  [0, '1. Start: Patient wakes needing the toilet (Patient)'],
  [0, '2. Decision: Call bell in reach? (Patient)'],
  [1, 'Yes: go to 3. Presses the call bell'],
  [1, 'No: gets up alone: go to 6. HCA walks the patient to the toilet'],
  [1, 'Problem: Bell often on the floor'],
  [1, 'Idea: Check the bell at handover'],
  [0, '3. Step: Presses the call bell (Patient)'],
  [0, '4. Wait: Waits for someone to come (Patient)'],
  [1, 'Problem: Waits of 10 minutes or more at 03:00'],
  [0, '5. Hand-off: Nurse asks the HCA to help (Nurse in charge)'],
  [0, '6. Step: HCA walks the patient to the toilet (Healthcare assistant)'],
  [1, 'Idea: Offer the toilet on every round'],
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

/** Markdown's list items as "depth text", the escapes taken out. */
function markdownOutline(markdown: string): string[] {
  return [...markdown.matchAll(/^( *)- (.*)$/gm)].map(
    ([, indent = '', text = '']) => `${indent.length / 2} ${text.replace(/\\(.)/g, '$1')}`,
  );
}

/** Word's bulleted paragraphs as "depth text", the depth from the bullet's level. */
function docxOutline(docx: Buffer): string[] {
  const xml = unzip(docx).get('word/document.xml')?.toString('utf8') ?? '';
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].flatMap(([paragraph]) => {
    const level = /<w:ilvl w:val="(\d+)"\/>/.exec(paragraph)?.[1];
    if (level === undefined) return [];
    const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1])
      .join('');
    return [`${level} ${decode(text)}`];
  });
}

/** HTML's list items after the figure as "depth text", the depth from the nesting of lists. */
function htmlOutline(html: string): string[] {
  const after = html.slice(html.indexOf('</figure>'));
  const items: string[] = [];
  let depth = -1;
  let current: { depth: number; text: string } | null = null;
  const flush = () => {
    if (current) items.push(`${current.depth} ${decode(current.text).trim()}`);
    current = null;
  };
  for (const [, tag, text] of after.matchAll(/<(\/?(?:ul|li))>|([^<]+)|<[^>]*>/g)) {
    if (tag === 'ul') depth += 1;
    else if (tag === '/ul') {
      flush();
      depth -= 1;
      if (depth < 0) break;
    } else if (tag === 'li') {
      flush();
      current = { depth, text: '' };
    } else if (tag === '/li') flush();
    else if (text !== undefined && current) current.text += text;
  }
  return items;
}

describe('a process map exported as a numbered list of steps', () => {
  let workspace: TestWorkspace;
  const exportMap = async (format: string) => {
    const response = await fetch(
      `${workspace.url}/api/items/demo-process/export?format=${format}`,
      {
        headers: { authorization: `Bearer ${workspace.owner.token}` },
      },
    );
    expect(response.status, format).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    workspace = await startTestWorkspace({
      config: {
        demo: true,
        admin: { email: 'demo.admin@example.org', password: TEST_PASSWORD, name: 'Dana Admin' },
      },
    });
    await addMember(workspace.server.meta, DEMO_LAB.id, workspace.owner.user, 'facilitator');
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
    expect(htmlOutline((await exportMap('html')).toString('utf8'))).toEqual(EXPECTED);
  });
});
