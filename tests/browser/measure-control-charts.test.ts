/**
 * A proportion measure with large denominators, drawn first as an XmR chart, then switched to
 * Laney's p′ chart: the chart redraws with limits that step with each week's denominator, names
 * its type in words, keeps its annotation, and the data's own suggestion (p′) is offered beside
 * the choice. A reader in another browser context sees the switch live.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  addAccount,
  apiWithToken,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// Twelve weeks of NHS A&E attendances seen within four hours (qicharts2's nhs_accidents data).
const SEEN = [
  266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478,
];
const ATTENDED = [
  280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932,
];
const CSV = `period,numerator,denominator\n${SEEN.map((seen, i) => `week ${i + 1},${seen},${ATTENDED[i]}`).join('\n')}\n`;

/** The number of corners in each process-limit path: 2 for a straight line, more for steps. */
function limitCorners(page: Page): Promise<number[]> {
  return page
    .getByTestId('limit-line')
    .evaluateAll((paths) => paths.map((p) => (p.getAttribute('d') ?? '').split(' ').length));
}

describe('control charts in the browser', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let alice: Page;
  let carol: Page;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const hash = await testPasswordHash();
    const { labId } = workspace;
    const aliceAccount = await addAccount(workspace.server.meta, 'Alice Nurse', hash, {
      labId,
      role: 'participant',
    });
    const carolAccount = await addAccount(workspace.server.meta, 'Carol Analyst', hash, {
      labId,
      role: 'observer',
    });
    const response = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${labId}/items`,
      { kind: 'measure', title: 'A&E attendances seen within 4 hours' },
    );
    expect(response.status).toBe(201);
    const { item } = (await response.json()) as { item: { id: string } };
    browser = await launchBrowser();
    alice = await (await signedInContext(browser, workspace.url, aliceAccount)).newPage();
    carol = await (await signedInContext(browser, workspace.url, carolAccount)).newPage();
    await alice.goto(`${workspace.url}/items/${item.id}`);
    await carol.goto(`${workspace.url}/items/${item.id}`);
    await alice.getByRole('button', { name: 'Add a row' }).waitFor();
    await carol.getByTestId('measure-editor').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('a measure switched from XmR to p′ redraws with stepped limits and keeps its annotation', async () => {
    await alice.getByLabel('Import a CSV file').setInputFiles({
      name: 'four-hours.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await alice.getByLabel('Note, row 5').fill('Escalation huddle started');
    await alice.getByLabel('Chart and rules').selectOption('mdc');
    await expect
      .poll(() => carol.getByTestId('measure-chart').getAttribute('data-chart'))
      .toBe('xmr');
    expect(await carol.getByTestId('chart-type').innerText()).toBe(
      'XmR chart (SPC), Making Data Count rules',
    );
    // XmR limits are one straight line each.
    await expect.poll(() => limitCorners(carol)).toEqual([2, 2]);
    await expect.poll(() => carol.getByTestId('measure-chart-svg').innerHTML()).toContain('A1');

    const choice = alice.getByTestId('control-chart-choice');
    expect(await choice.innerText()).toContain(
      'Numerator and denominator (a proportion), large denominators (typically 283,198) → p′ chart',
    );
    await alice.getByLabel('Control chart').selectOption('pp');

    await expect
      .poll(() => carol.getByTestId('measure-chart').getAttribute('data-chart'))
      .toBe('pp');
    expect(await carol.getByTestId('chart-type').innerText()).toBe(
      'p′ chart (proportion, Laney’s adjustment), Making Data Count rules',
    );
    // p′ limits step with each week's denominator: far more corners than a straight line.
    await expect.poll(async () => Math.min(...(await limitCorners(carol)))).toBeGreaterThan(10);
    const svg = await carol.getByTestId('measure-chart-svg').innerHTML();
    expect(svg).toContain('A1');
    expect(await carol.getByTestId('measure-chart').innerText()).toContain(
      'Escalation huddle started',
    );
    expect(await carol.getByTestId('measure-chart').innerText()).toContain(
      'process limits stepping with each denominator',
    );
    // The suggestion is taken: no button to take it again.
    expect(await choice.getByRole('button').count()).toBe(0);
  });
});
