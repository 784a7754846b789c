/**
 * Choosing what goes into a lab export: the demo lab's default export is a full report (its
 * shared items; the welcome note stays a draft), the contents route counts what each choice
 * includes, chapters come in the order asked for, and bad input is refused with a clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ITEMS } from '../../server/demo/demo-items';
import { DEMO_PEOPLE } from '../../server/demo/demo-people';
import { seedDemoLab } from '../../server/demo/seed-demo';
import { createMemoryLogger } from '../../server/logger';
import { DEMO_LAB, DEMO_TITLE } from '../../shared/demo';
import type { ExportContents } from '../../shared/report-sections';
import { exportApi, serve } from '../helpers/export-api';
import { pdfToText } from '../helpers/outside-read';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('choosing what goes into a lab export', () => {
  let workspace: TestWorkspace;
  let api: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    await seedDemoLab(
      { meta, store, logger: createMemoryLogger(), now: () => new Date() },
      workspace.owner.user,
    );
    api = await serve(exportApi(workspace));
  });

  afterAll(async () => {
    await api?.close();
    await workspace?.stop();
  });

  const get = (path: string) =>
    fetch(`${api.url}/api${path}`, {
      headers: { authorization: `Bearer ${workspace.owner.token}` },
    });

  it('exports the demo lab with default options as a full report of its shared items', async () => {
    const response = await get(`/labs/${DEMO_LAB.id}/export?format=pdf`);
    expect(response.status).toBe(200);
    const text = pdfToText(Buffer.from(await response.arrayBuffer()));
    for (const words of [
      'Problem and aim',
      'Reduce inpatient falls for patients on Ward 7',
      'Driver diagram',
      'Intentional rounding at night with a toilet offer',
      'Cycle 2a',
      'Falls per 1,000 occupied bed days',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('has no items to report');
    // The welcome note is the team's draft: not in a report unless drafts are asked for.
    expect(text).not.toContain(DEMO_TITLE);
  });

  it('counts what each choice includes', async () => {
    const response = await get(`/labs/${DEMO_LAB.id}/export/contents`);
    expect(response.status).toBe(200);
    const contents = (await response.json()) as ExportContents;
    const shared = contents.items.filter((item) => item.sharing !== 'draft');
    // Every demo item but the welcome note is shared.
    expect(contents.items).toHaveLength(DEMO_ITEMS.length);
    expect(shared).toHaveLength(DEMO_ITEMS.length - 1);
    expect(contents.items.filter((item) => item.kind === 'measure')).toEqual([
      { kind: 'measure', sharing: 'final', comments: 0 },
    ]);
    expect(contents.people).toBe(1 + DEMO_PEOPLE.length);
  });

  it('lays the chapters out in the order asked for, and only those', async () => {
    const response = await get(`/labs/${DEMO_LAB.id}/export?format=md&sections=measures,problem`);
    expect(response.status).toBe(200);
    const markdown = await response.text();
    const chapters = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(chapters).toEqual(['Measures', 'Problem and aim']);
  });

  it('refuses unknown or repeated chapters, changing nothing', async () => {
    for (const sections of ['measures,bogus', 'measures,measures', '']) {
      const response = await get(`/labs/${DEMO_LAB.id}/export?format=md&sections=${sections}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_sections',
      );
    }
  });

  it('counts only for the people who run the lab', async () => {
    const response = await fetch(`${api.url}/api/labs/${DEMO_LAB.id}/export/contents`);
    expect(response.status).toBe(401);
  });
});
