/**
 * Patients and the public, on a 375 px phone: honest empty states while nothing
 * is shared with them; QI words explained where they appear, by a toggletip a
 * keyboard reaches and a screen reader hears, and all of them on the glossary
 * page linked from every page's footer; statuses in words, not codes or counts;
 * "My comments", from the header, showing a facilitator's reply and "We did"
 * response as they are given in another browser. Every screen passes axe, and
 * the new screens fit 320 CSS px (a 640 px window at 200% zoom) and 188 CSS px
 * (the 375 px phone at 200%) without scrolling sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_TERMS, GLOSSARY, glossaryEntry, KIND_KEY_TERMS } from '../../shared/glossary';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  axeViolations,
  givePassword,
  heading,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const PHONE = { width: 375, height: 812 } as const;
/** WCAG reflow: 1280 px at 400% zoom, or 640 px at 200%, is 320 CSS px wide. */
const ZOOMED = { width: 320, height: 640 } as const;
/** The 375 px phone itself at 200% zoom. */
const PHONE_ZOOMED = { width: 188, height: 406 } as const;
const PATIENT_SAYS = 'What does the team mean by a bay?';
const TEAM_REPLY = 'A bay is a room with four to six beds.';
const TEAM_DID = 'We now say “room with beds” in the leaflet.';

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Presses Tab until the focused element is named `name`, at most `limit` times. */
async function tabTo(page: Page, name: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement;
      if (!(active instanceof HTMLElement)) return '';
      return active.getAttribute('aria-label') ?? active.innerText.replace(/\s+/g, ' ').trim();
    });
    if (focused.includes(name)) return;
  }
  throw new Error(`Tab never reached “${name}”`);
}

describe('plain language for reviewers', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let owner: Account;
  let patientAccount: Account;
  let patient: Page;
  let facilitator: Page;
  let cycleId: string;
  let diagramId: string;

  const createItem = async (kind: string, title: string) => {
    const response = await apiWithToken(
      workspace.url,
      owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind, title },
    );
    return ((await response.json()) as { item: { id: string } }).item.id;
  };
  const share = (itemId: string) =>
    apiWithToken(workspace.url, owner.token, 'PATCH', `/api/items/${itemId}`, {
      sharing: 'open_for_comment',
    });

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    owner = await givePassword(meta, workspace.owner, hash);
    patientAccount = await addAccount(meta, 'Pat Patient', hash, {
      labId: workspace.labId,
      role: 'reviewer',
    });
    // The lab has work, none of it shared yet: a problem, an idea, a cycle and a diagram.
    await createItem('problem', 'Falls at night');
    await createItem('idea', 'Call bell clipped to clothing');
    cycleId = await createItem('pdsa', 'Clip the bell, cycle 1');
    diagramId = await createItem('drivers', 'Falls driver diagram');
    browser = await launchBrowser();
    patient = await (
      await signedInContext(browser, workspace.url, patientAccount, { viewport: PHONE })
    ).newPage();
    facilitator = await (await signedInContext(browser, workspace.url, owner)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('tells a reviewer that nothing has been shared yet, not that there is nothing', async () => {
    await patient.goto(`${workspace.url}/labs/${workspace.labId}`);
    const empty = patient.getByTestId('items-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toContain('Nothing has been shared with you yet.');
    expect(await patient.getByTestId('overview-aim').innerText()).toContain(
      'The team has not shared its aim with you yet.',
    );
    expect(await patient.locator('main').innerText()).not.toContain('There is no problem');
    expect(await fitsWidth(patient)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);

    await patient.getByRole('link', { name: /Change ideas/ }).click();
    const noIdeas = patient.getByTestId('ideas-empty');
    await noIdeas.waitFor();
    expect(await noIdeas.innerText()).toBe('No change ideas have been shared with you yet.');
    expect(await axeViolations(patient)).toEqual([]);

    // Staff, who see everything, are told the plain truth: the items are there.
    await facilitator.goto(`${workspace.url}/labs/${workspace.labId}`);
    await facilitator.getByTestId('group-pdsa').waitFor();
    expect(await facilitator.getByTestId('items-empty').count()).toBe(0);
  });

  it('shows shared work with statuses in words, never counts or codes', async () => {
    const { meta } = workspace.server;
    // The registry's status codes, as the documents would set them.
    await meta.updateItem(cycleId, { status: 'adapt' });
    await meta.updateItem(diagramId, { status: '10 nodes' });
    expect((await share(cycleId)).status).toBe(200);
    expect((await share(diagramId)).status).toBe(200);
    await patient.goto(`${workspace.url}/labs/${workspace.labId}`);
    const cycle = patient.getByTestId('group-pdsa').getByTestId('overview-item');
    await cycle.waitFor();
    const row = await cycle.innerText();
    expect(row).toContain('Decision: adapt');
    expect(row).not.toContain('Status: adapt');
    expect(row).not.toContain('Sharing:');
    const diagram = await patient.getByTestId('group-drivers').innerText();
    expect(diagram).not.toContain('nodes');
    expect(await patient.getByTestId('items-empty').count()).toBe(0);
    // A shared measure's chart comes with its words explained.
    const measureId = await createItem('measure', 'Falls per 1,000 bed days');
    expect((await share(measureId)).status).toBe(200);
    const chartWords = patient.getByRole('region', { name: 'Words in these charts' });
    await chartWords.waitFor();
    expect(await chartWords.getByRole('button').count()).toBe(CHART_TERMS.length);
    // The team still sees the counts they work with.
    await facilitator.goto(`${workspace.url}/labs/${workspace.labId}`);
    await expect
      .poll(() => facilitator.getByTestId('group-drivers').innerText())
      .toContain('10 nodes');
    expect(await fitsWidth(patient)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);
  });

  it('explains a term in place, by keyboard, to a screen reader', async () => {
    const adapt = glossaryEntry('adapt');
    const name = `What does “${adapt.term}” mean?`;
    const button = patient.getByRole('button', { name });
    await patient.locator('body').focus();
    await tabTo(patient, name);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await patient.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    // The definition is in the live region the button controls, so it is read out.
    const controlled = patient.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
    expect(await controlled.getAttribute('role')).toBe('status');
    await expect.poll(() => controlled.innerText()).toContain(adapt.definition);
    const snapshot = await patient.getByTestId('group-pdsa').ariaSnapshot();
    expect(snapshot).toContain(`button "${name}" [expanded]`);
    expect(snapshot).toContain(adapt.definition);
    // The heading is named by its words alone, with its own term's button beside them.
    expect(
      await patient.getByRole('heading', { name: 'PDSA cycles (1)', exact: true }).count(),
    ).toBe(1);
    expect(await fitsWidth(patient)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);
    await patient.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await controlled.innerText()).toBe('');
    // At 320 CSS px (200% zoom of a 640 px window) an open definition still fits.
    await patient.setViewportSize(ZOOMED);
    await patient.keyboard.press('Enter');
    await expect.poll(() => controlled.innerText()).toContain(adapt.definition);
    expect(await fitsWidth(patient)).toBe(true);
    await patient.setViewportSize(PHONE);
  });

  it('explains what kind of work an item page is', async () => {
    await patient.goto(`${workspace.url}/items/${cycleId}`);
    const note = patient.getByTestId('item-kind-note');
    await note.waitFor();
    expect(await note.innerText()).toContain('This is a PDSA cycle.');
    await note.getByRole('button', { name: 'What does “PDSA cycle” mean?' }).click();
    await expect.poll(() => note.innerText()).toContain(glossaryEntry('pdsa').definition);
    const summary = patient.getByTestId('pdsa-cycle-summary');
    await summary.getByRole('button', { name: 'What does “Tester” mean?' }).click();
    await expect.poll(() => summary.innerText()).toContain(glossaryEntry('tester').definition);
    expect(await summary.getByRole('button', { name: 'What does “Scale” mean?' }).count()).toBe(1);
    // Beneath the page, the words it uses, each explained.
    const key = patient.getByRole('region', { name: 'Words used here' });
    for (const id of KIND_KEY_TERMS.pdsa) {
      const term = glossaryEntry(id).term;
      expect(await key.getByRole('button', { name: `What does “${term}” mean?` }).count()).toBe(1);
    }
    expect(await fitsWidth(patient)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);
    // A diagram's side panel does not promise a reviewer the export they cannot use.
    await patient.goto(`${workspace.url}/items/${diagramId}`);
    // It starts open for a reviewer, whose comment button is in it.
    const toggle = patient.getByRole('button', { name: /^Hide side panel/ });
    await toggle.waitFor();
    expect(await toggle.innerText()).not.toContain('export');
    expect(await patient.getByRole('button', { name: /export/i }).count()).toBe(0);
  });

  it('lists every word on the glossary page, linked from the footer', async () => {
    await patient.getByRole('link', { name: 'Words we use, explained' }).click();
    await expect.poll(() => heading(patient)).toBe('Words we use');
    const list = patient.getByTestId('glossary-list');
    expect(await list.locator('dt').count()).toBe(GLOSSARY.length);
    const text = await list.innerText();
    for (const entry of GLOSSARY) expect(text).toContain(entry.definition);
    expect(await fitsWidth(patient)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);
    for (const size of [ZOOMED, PHONE_ZOOMED]) {
      await patient.setViewportSize(size);
      expect(await fitsWidth(patient)).toBe(true);
    }
    await patient.setViewportSize(PHONE);
    // A term's own address goes straight to it, and anyone may read the page.
    const signedOut = await browser.newPage({ viewport: ZOOMED });
    await signedOut.goto(`${workspace.url}/glossary#run-chart`);
    await expect.poll(() => signedOut.evaluate(() => document.activeElement?.id)).toBe('run-chart');
    expect(await fitsWidth(signedOut)).toBe(true);
    await signedOut.close();
  });

  it('shows "My comments", with the team’s reply and response arriving live', async () => {
    await patient.getByRole('link', { name: 'My comments' }).click();
    await expect.poll(() => heading(patient)).toBe('My comments');
    await patient.getByTestId('my-comments-empty').waitFor();
    expect(await axeViolations(patient)).toEqual([]);

    const sent = await apiWithToken(
      workspace.url,
      patientAccount.token,
      'POST',
      `/api/items/${cycleId}/comments`,
      { body: PATIENT_SAYS },
    );
    expect(sent.status).toBe(201);
    await patient.reload();
    const thread = patient.getByTestId('my-thread');
    await thread.waitFor();
    expect(await thread.getAttribute('data-status')).toBe('open');
    expect(await thread.innerText()).toContain(`You said: ${PATIENT_SAYS}`);
    expect(await thread.innerText()).toContain('Nobody has answered yet.');

    // The facilitator replies in their own browser; the patient's page does not reload.
    await facilitator.goto(`${workspace.url}/items/${cycleId}`);
    const panel = facilitator.getByTestId('comments-panel');
    await expect.poll(() => panel.innerText()).toContain(PATIENT_SAYS);
    await panel.getByRole('button', { name: 'Reply' }).click();
    await facilitator.getByLabel('Your reply', { exact: true }).fill(TEAM_REPLY);
    await facilitator.getByRole('button', { name: 'Send reply' }).click();
    await expect
      .poll(() => thread.getAttribute('data-status'), { timeout: 15_000 })
      .toBe('answered');
    expect(await thread.getByTestId('my-thread-reply').innerText()).toContain(
      `Olivia Owner said: ${TEAM_REPLY}`,
    );

    await panel.getByRole('button', { name: 'Resolve' }).click();
    await facilitator
      .getByLabel('What did the team do because of this comment?', { exact: true })
      .fill(TEAM_DID);
    await facilitator.getByRole('button', { name: 'Resolve with this response' }).click();
    await expect
      .poll(() => thread.getAttribute('data-status'), { timeout: 15_000 })
      .toBe('resolved');
    expect(await thread.getByTestId('my-thread-response').innerText()).toContain(
      `We did: ${TEAM_DID}`,
    );
    expect(await patient.getByRole('heading', { name: `Lab ${workspace.labId}` }).count()).toBe(1);
    expect(await fitsWidth(patient)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);
    for (const size of [ZOOMED, PHONE_ZOOMED]) {
      await patient.setViewportSize(size);
      expect(await fitsWidth(patient)).toBe(true);
    }
  });
});
