/**
 * The member directory in the browser: a patient on a phone chooses to be listed to
 * the people in their lab only; a nurse in the lab finds them, someone outside does
 * not; filters narrow the list; both screens pass axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLab } from '../helpers/accounts';
import { launchBrowser } from '../helpers/browser';
import {
  addAccount,
  axeViolations,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('member directory', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let patient: Page;
  let nurse: Page;
  let outsider: Page;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    const lab = { labId: workspace.labId };
    const pat = await addAccount(meta, 'Pat Patient', hash, { ...lab, role: 'reviewer' });
    const nia = await addAccount(meta, 'Nia Nurse', hash, { ...lab, role: 'participant' });
    const olu = await addAccount(meta, 'Olu Outsider', hash);
    await addLab(meta, olu.user);
    browser = await launchBrowser();
    const phone = { viewport: { width: 375, height: 800 } };
    patient = await (await signedInContext(browser, workspace.url, pat, phone)).newPage();
    nurse = await (await signedInContext(browser, workspace.url, nia)).newPage();
    outsider = await (await signedInContext(browser, workspace.url, olu)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('lets a patient on a phone choose to be listed to their lab only', async () => {
    await patient.goto(`${workspace.url}/`);
    await patient.getByRole('link', { name: 'Member directory' }).click();
    await patient.getByRole('link', { name: 'Your profile' }).click();
    const form = patient.getByRole('form', { name: 'Your directory profile' });
    await form.waitFor();
    expect(await form.getByLabel('Nobody: I am not listed').isChecked()).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);
    await form.getByLabel('People in my labs').check();
    await form.getByLabel('Region or nation').selectOption({ label: 'Wales' });
    await form.getByLabel('Topics of interest', { exact: true }).fill('falls, patient voice');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await patient.getByText('Your profile has been saved').waitFor();
  });

  it('shows the patient to a nurse in the lab, with filters, and to nobody outside it', async () => {
    await nurse.goto(`${workspace.url}/directory`);
    const people = nurse.getByTestId('directory-people');
    await expect.poll(() => people.innerText()).toContain('Pat Patient');
    expect(await people.innerText()).toContain('Wales');
    expect(await axeViolations(nurse)).toEqual([]);
    await nurse.getByLabel('Region or nation').selectOption({ label: 'London' });
    await nurse.getByRole('button', { name: 'Search' }).click();
    await nurse.getByTestId('directory-empty').waitFor();
    await nurse.getByLabel('Region or nation').selectOption({ label: 'Wales' });
    await nurse.getByLabel('Topic', { exact: true }).fill('Patient voice');
    await nurse.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => nurse.getByTestId('directory-count').innerText()).toBe('1 person');

    await outsider.goto(`${workspace.url}/directory`);
    await outsider.getByTestId('directory-empty').waitFor();
    expect(await outsider.getByTestId('directory-count').innerText()).toBe('0 people');
  });
});
