/**
 * The lab's evaluation survey in the lab report, in every format, read with tools that share no
 * code with the exporter: the demo lab's completed survey (8 people paired) gives its response
 * rates, the before and after table and the Wilcoxon signed-rank result in words; a survey with
 * fewer than 5 answers a round shows its response counts and nothing else, even when the lab did
 * not ask for anonymity (a report leaves the room); the chapter is chosen like the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoLab } from '../../server/demo/seed-demo';
import { createMemoryLogger } from '../../server/logger';
import { DEMO_LAB } from '../../shared/demo';
import { defaultSurvey } from '../../shared/schemas/survey';
import { exportApi, serve } from '../helpers/export-api';
import { markupText } from '../helpers/internal-codes';
import { officeFileText, pdfToText } from '../helpers/outside-read';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const flat = (text: string) => text.replace(/\s+/g, ' ');

const READERS: ReadonlyArray<readonly [string, (file: Buffer) => string]> = [
  ['docx', officeFileText],
  ['pdf', (file) => pdfToText(file)],
  ['md', (file) => markupText(file.toString('utf8')).replace(/\\/g, '')],
  ['html', (file) => markupText(file.toString('utf8'))],
];

describe('the evaluation survey in the lab report', () => {
  let workspace: TestWorkspace;
  let api: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    await seedDemoLab(
      { meta, store, logger: createMemoryLogger(), now: () => new Date() },
      workspace.owner.user,
    );
    // One demo member's free-text answer names a patient by NHS number: redacted by default.
    const demo = meta.listSurveyResponses(DEMO_LAB.id).find((r) => r.round === 'after');
    if (!demo) throw new Error('the demo lab has a completed survey');
    await meta.saveSurveyResponse({
      ...demo,
      answers: { ...demo.answers, comments: 'Bed 4, NHS 943 476 5919, fell twice before rounds.' },
    });
    // The workspace's own lab: a named (not anonymous) survey that only 3 people answered.
    const at = new Date().toISOString();
    await meta.saveSurvey({
      ...defaultSurvey(workspace.labId, workspace.owner.user.id, at),
      anonymous: false,
    });
    for (const [i, userId] of ['p1', 'p2', 'p3'].entries()) {
      for (const round of ['before', 'after'] as const) {
        await meta.saveSurveyResponse({
          labId: workspace.labId,
          round,
          userId,
          answers: { access: round === 'before' ? 1 : 5, comments: `Remark ${i} ${round}` },
          submittedAt: at,
        });
      }
    }
    api = await serve(exportApi(workspace));
  });

  afterAll(async () => {
    await api?.close();
    await workspace?.stop();
  });

  const download = async (labId: string, format: string, query = '') => {
    const response = await fetch(`${api.url}/api/labs/${labId}/export?format=${format}${query}`, {
      headers: { authorization: `Bearer ${workspace.owner.token}` },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  for (const [format, read] of READERS) {
    it(`${format}: the demo lab's survey with its response rates, table and paired test`, async () => {
      const text = flat(read(await download(DEMO_LAB.id, format)));
      expect(text).toContain('Evaluation survey');
      expect(text).toContain('Before the lab: 8 of 9 members answered (89%)');
      expect(text).toContain('Answers before and after the lab');
      // Skills and knowledge for QI: 7 of the 8 pairs rated higher after, 1 the same.
      expect(text).toContain(
        'Of 8 people who answered before and after, 7 rated this higher after the lab, 1 the same and 0 lower (median change +1).',
      );
      expect(text).toContain(
        'Wilcoxon signed-rank test (exact): p = 0.016, a statistically significant change (answers higher after the lab).',
      );
    });

    it(`${format}: fewer than 5 answers a round show the counts and nothing else`, async () => {
      const text = flat(read(await download(workspace.labId, format)));
      expect(text).toContain('Evaluation survey');
      expect(text).toMatch(/Before the lab: 3 of \d+ members answered/);
      expect(text).toContain('its figures are shown from 5 answers, to keep them anonymous');
      expect(text).toContain('Not shown');
      expect(text).not.toContain('Wilcoxon');
      expect(text).not.toContain('Remark');
      expect(text).not.toContain('rated this higher');
    });
  }

  it('lists the free text, with personal data removed unless asked to keep it', async () => {
    // Markdown escapes the brackets: read without its backslashes.
    const redacted = (await download(DEMO_LAB.id, 'md')).toString('utf8').replace(/\\/g, '');
    expect(redacted).toContain('Bed 4, NHS [removed], fell twice before rounds.');
    expect(redacted).not.toContain('943 476 5919');
    const kept = (await download(DEMO_LAB.id, 'md', '&redact=0')).toString('utf8');
    expect(kept).toContain('943 476 5919');
  });

  it('is a chapter chosen and ordered like the others', async () => {
    const only = (await download(DEMO_LAB.id, 'md', '&sections=evaluation')).toString('utf8');
    expect([...only.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Evaluation survey']);
    const without = (await download(DEMO_LAB.id, 'md', '&sections=summary,measures')).toString(
      'utf8',
    );
    expect(without).not.toContain('Evaluation survey');
    expect(without).not.toContain('Wilcoxon');
  });

  it('the export form counts the survey’s answers', async () => {
    const response = await fetch(`${api.url}/api/labs/${DEMO_LAB.id}/export/contents`, {
      headers: { authorization: `Bearer ${workspace.owner.token}` },
    });
    expect(response.status).toBe(200);
    const contents = (await response.json()) as { surveyResponses: number };
    expect(contents.surveyResponses).toBe(16);
  });
});
