/**
 * A measure co-edited live. Alice (participant) types and pastes 18 data points into the data
 * table; Carol (observer) has the same measure open read-only in another browser context and
 * sees the shift appear in the chart and its data table as it happens. The table and the SVG
 * come from one model, so every signal in the table is a marked point in the chart. Paste and
 * import refuse bad input by line and change nothing; export neutralises formula-like cells.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  addAccount,
  apiWithToken,
  axeViolations,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const BASELINE = [10, 12, 9, 11, 10, 13, 9, 11];
const AFTER_CHANGE = [15, 16, 14, 17, 15, 18, 16, 15, 17, 16];
const periods = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const month = from + i;
    return `${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  });
const PDSA_TITLE = 'Cycle 1: sepsis screening huddle';

/** Sends a paste with `text` to the focused element, as a spreadsheet copy would. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const event = new ClipboardEvent('paste', {
      clipboardData: transfer,
      bubbles: true,
      cancelable: true,
    });
    document.activeElement?.dispatchEvent(event);
  }, text);
}

/** Each row of the chart's data table as its cells' text (without the narrow-screen headings). */
function chartTable(page: Page): Promise<string[][]> {
  return page.getByTestId('chart-data-table').evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        for (const heading of copy.querySelectorAll('.nhsuk-table__heading')) heading.remove();
        return (copy.textContent ?? '').trim();
      }),
    ),
  );
}

/** Each marker drawn in the chart: its point index, class and signals. */
function chartMarkers(page: Page) {
  return page.getByTestId('measure-chart-svg').evaluate((svg) =>
    [...svg.querySelectorAll('[data-index]')].map((marker) => ({
      index: Number(marker.getAttribute('data-index')),
      cls: marker.getAttribute('data-class'),
      signals: (marker.getAttribute('data-signals') ?? '').split(' ').filter(Boolean),
    })),
  );
}

async function openChartTable(page: Page): Promise<void> {
  const details = page.locator('details').filter({ hasText: 'Chart data as a table' });
  if ((await details.getAttribute('open')) === null) {
    await details.getByText('Chart data as a table').click();
  }
}

describe('measures in the browser', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let alice: Page;
  let carol: Page;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    const labId = workspace.labId;
    const aliceAccount = await addAccount(meta, 'Alice Nurse', hash, {
      labId,
      role: 'participant',
    });
    const carolAccount = await addAccount(meta, 'Carol Analyst', hash, { labId, role: 'observer' });
    const create = async (kind: string, title: string) => {
      const path = `/api/labs/${labId}/items`;
      const response = await apiWithToken(workspace.url, workspace.owner.token, 'POST', path, {
        kind,
        title,
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { item: { id: string } }).item.id;
    };
    await create('pdsa', PDSA_TITLE);
    const measureId = await create('measure', 'Patients screened for sepsis within 1 hour');
    browser = await launchBrowser();
    alice = await (await signedInContext(browser, workspace.url, aliceAccount)).newPage();
    carol = await (await signedInContext(browser, workspace.url, carolAccount)).newPage();
    await alice.goto(`${workspace.url}/items/${measureId}`);
    await carol.goto(`${workspace.url}/items/${measureId}`);
    await alice.getByRole('button', { name: 'Add a row' }).waitFor();
    await carol.getByTestId('measure-editor').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('Alice types points from the keyboard and pastes a column; Carol sees the shift appear live', async () => {
    await alice.getByLabel('Direction of improvement').selectOption('up');
    await alice.getByLabel('Baseline points').fill('8');
    await alice.getByRole('button', { name: 'Add a row' }).click();
    // The new row's period has the focus: type it, move right, then type values down the column.
    await alice.keyboard.type('2025-01');
    await alice.keyboard.press('ArrowRight');
    for (const value of BASELINE) {
      await alice.keyboard.type(String(value));
      await alice.keyboard.press('Enter');
    }
    await expect.poll(() => alice.getByLabel('Value, row 8').inputValue()).toBe('11');
    await expect
      .poll(() => carol.getByTestId('points-read-table').locator('tbody tr').count())
      .toBe(9);
    await openChartTable(carol);
    await expect.poll(async () => (await chartTable(carol)).length).toBe(8);
    expect((await chartTable(carol)).map((row) => row[3])).not.toContain('shift');

    // Enter on row 8 added row 9 and put the focus in its value: paste the next ten values there.
    await expect
      .poll(() => alice.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Value, row 9');
    await paste(alice, `${AFTER_CHANGE.join('\r\n')}\r\n`);
    await alice.getByLabel('Period, row 2').focus();
    await paste(alice, periods(1, 17).join('\n'));
    await alice.getByLabel('PDSA cycle, row 9').selectOption({ label: PDSA_TITLE });
    await alice.getByLabel('Note, row 9').fill('Screening tool on the ward');

    await expect.poll(async () => (await chartTable(carol)).length).toBe(18);
    await expect
      .poll(async () => (await chartTable(carol)).map((row) => row[3]))
      .toEqual([...Array(7).fill('none'), ...Array(11).fill('shift')]);
    const rows = await chartTable(carol);
    expect(rows.map((row) => row[0])).toEqual(periods(0, 18));
    expect(rows.map((row) => row[1])).toEqual([...BASELINE, ...AFTER_CHANGE].map(String));
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['10.5']));
    expect(rows[7]?.[4]).toBe('Special cause improvement');
    expect(rows[8]?.[5]).toBe(`A1: Screening tool on the ward; P1: PDSA cycle ${PDSA_TITLE}`);
    const shifted = (await chartMarkers(carol)).filter((m) => m.signals.includes('shift'));
    expect(shifted.map((m) => m.index)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(new Set(shifted.map((m) => m.cls))).toEqual(new Set(['special_cause_improvement']));
    expect(await carol.getByTestId('measure-chart').innerText()).toContain(
      'Square: special cause improvement',
    );
    expect(await carol.getByTestId('measure-chart').innerText()).toContain(
      `P1, 2025-09: after PDSA cycle ${PDSA_TITLE}`,
    );
  });

  it('the data table matches the chart: each signal in the table is a marked point, and no other', async () => {
    await openChartTable(alice);
    for (const page of [alice, carol]) {
      const rows = await chartTable(page);
      const markers = await chartMarkers(page);
      expect(markers.map((m) => m.index)).toEqual(rows.map((_, i) => i));
      rows.forEach((row, i) => {
        const marker = markers[i];
        const inTable = row[3] === 'none' ? [] : (row[3] ?? '').split(', ');
        expect(marker?.signals).toEqual(inTable);
        expect(marker?.cls === 'common_cause').toBe(inTable.length === 0);
      });
      const svg = page.getByTestId('measure-chart-svg');
      expect(await svg.getAttribute('role')).toBe('img');
      const describedBy = (await svg.getAttribute('aria-describedby')) ?? '';
      const summary = await page.locator(`[id="${describedBy}"]`).innerText();
      expect(summary).toContain('18 points from 2025-01 to 2026-06');
      expect(summary).toContain('Median 10.5, set by the first 8 points and extended');
      expect(summary).toContain(
        'Shift: 6 or more points in a row on one side of the median, 2025-08 to 2026-06',
      );
    }
  });

  it('bad pasted rows and a bad CSV file are named by line and change nothing; rows and export work', async () => {
    const box = alice.getByLabel('Paste rows (period, value)');
    await box.fill('2026-07, 5\n2026-08, lots');
    await alice.getByRole('button', { name: 'Add these rows' }).click();
    await expect
      .poll(() => alice.getByTestId('measure-issues').innerText())
      .toContain('Line 2: value "lots" is not a number');
    await alice.getByLabel('Import a CSV file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('period,value\n2026-07,7\n2026-08,\n'),
    });
    await expect
      .poll(() => alice.getByTestId('measure-issues').allInnerTexts())
      .toContainEqual(expect.stringContaining('Line 3: value is empty'));
    expect(await alice.getByTestId('points-grid').locator('tbody tr').count()).toBe(18);

    await box.fill('=HYPERLINK("x"),5');
    await alice.getByRole('button', { name: 'Add these rows' }).click();
    await expect
      .poll(() => carol.getByTestId('points-read-table').locator('tbody tr').count())
      .toBe(19);
    const [download] = await Promise.all([
      alice.waitForEvent('download'),
      alice.getByRole('button', { name: 'Download the data (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'patients-screened-for-sepsis-within-1-hour-data.csv',
    );
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('period,value');
    expect(lines[1]).toBe('2025-01,10');
    expect(lines[19]).toBe(`"'=HYPERLINK(""x"")",5`);
  });

  it('switching to an XmR chart with a target shows the reader the Making Data Count icons live', async () => {
    await alice.getByLabel('Target').fill('14');
    await alice.getByLabel('Chart and rules').selectOption('mdc');
    await expect
      .poll(() => carol.getByTestId('measure-chart').getAttribute('data-rules'))
      .toBe('mdc');
    await expect
      .poll(() => carol.getByTestId('assurance-icon').locator('.mdc-icon__label').textContent())
      .toBe('Assurance: Hit and miss target');
    expect(
      await carol.getByTestId('variation-icon').locator('.mdc-icon__label').textContent(),
    ).toBe('Variation: Common cause variation');
    await openChartTable(carol);
    const rows = await chartTable(carol);
    expect(rows[13]?.[5]).toContain('outside limits');
    expect((await chartMarkers(carol))[13]?.signals).toContain('outside_limits');
    const toggle = alice.getByRole('button', { name: 'Show the two-sigma lines' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => alice.getByTestId('measure-chart').innerText())
      .toContain('Dotted lines: two sigma from the mean');
  });

  it('axe finds no WCAG 2.2 A/AA violations, editable or read-only; the reader has no edit controls', async () => {
    expect(await axeViolations(alice)).toEqual([]);
    expect(await axeViolations(carol)).toEqual([]);
    const controls = carol
      .getByTestId('measure-editor')
      .locator('input, select, textarea, [contenteditable="true"]');
    expect(await controls.count()).toBe(0);
    expect(await carol.getByRole('button', { name: 'Add a row' }).count()).toBe(0);
  });
});
