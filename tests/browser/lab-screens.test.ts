/**
 * The screens that run a lab, as its facilitator: settings (and archiving, with
 * a confirmation), members (change a role, the last facilitator kept, remove
 * someone), invitations (refused input, create, withdraw) and the audit trail;
 * and what a participant sees of the same lab.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  axeViolations,
  givePassword,
  heading,
  signedInContext,
  signInOnPage,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const errorSummary = (page: Page) => page.locator('.nhsuk-error-summary');
const banner = (page: Page) => page.locator('.nhsuk-notification-banner');
const memberRow = (page: Page, name: string) =>
  page.getByTestId('member-table').getByRole('row').filter({ hasText: name });

describe('running a lab', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let facilitator: Page;
  let participant: Account;
  let outsider: Account;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    const owner = await givePassword(meta, workspace.owner, hash);
    participant = await addAccount(meta, 'Priya Participant', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    await addAccount(meta, 'Oscar Observer', hash, { labId: workspace.labId, role: 'observer' });
    outsider = await addAccount(meta, 'Sam Outsider', hash);
    browser = await launchBrowser();
    facilitator = await (await signedInContext(browser, workspace.url, owner)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('changes the lab’s settings, refusing an end date before the start', async () => {
    await facilitator.goto(`${workspace.url}/labs/${workspace.labId}`);
    await expect.poll(() => heading(facilitator)).toBe(`Lab ${workspace.labId}`);
    expect(await axeViolations(facilitator)).toEqual([]);
    await facilitator.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => heading(facilitator)).toContain('Settings');
    expect(await facilitator.title()).toBe(`Settings – Lab ${workspace.labId} – Improvement Lab`);
    expect(await axeViolations(facilitator)).toEqual([]);

    await facilitator.getByLabel('Lab title').fill('Night-time falls lab');
    await facilitator.getByLabel('Challenge question').fill('How might we prevent falls at night?');
    await facilitator.getByLabel('Phase').selectOption('develop');
    await facilitator.getByLabel('Start date').fill('2026-09-01');
    await facilitator.getByLabel('End date').fill('2026-03-01');
    await facilitator.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => errorSummary(facilitator).innerText())
      .toContain('The end date must be the same as or after the start date');
    expect(await axeViolations(facilitator)).toEqual([]);

    await facilitator.getByLabel('End date').fill('2027-06-30');
    await facilitator.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => banner(facilitator).innerText())
      .toContain('The lab’s settings have been saved');
    expect(await axeViolations(facilitator)).toEqual([]);
    await facilitator.getByRole('link', { name: 'Back to Night-time falls lab' }).click();
    await expect.poll(() => heading(facilitator)).toBe('Night-time falls lab');
    expect(await facilitator.getByTestId('lab-facts').innerText()).toMatch(
      /Develop[\s\S]*1 September 2026 to 30 June 2027/,
    );
  });

  it('changes a member’s role, keeps the last facilitator, and removes a member after confirming', async () => {
    await facilitator.getByRole('link', { name: 'Members and invitations' }).click();
    await expect.poll(() => memberRow(facilitator, 'Priya Participant').count()).toBe(1);
    expect(await memberRow(facilitator, 'Oscar Observer').innerText()).toContain('Nurse');
    expect(await axeViolations(facilitator)).toEqual([]);

    await facilitator.getByLabel('Role of Priya Participant').selectOption('observer');
    await facilitator.getByRole('button', { name: 'Save role of Priya Participant' }).click();
    await expect
      .poll(() => banner(facilitator).innerText())
      .toContain('Priya Participant is now observer.');
    expect(await facilitator.getByLabel('Role of Priya Participant').inputValue()).toBe('observer');

    await facilitator.getByLabel('Role of Olivia Owner').selectOption('participant');
    await facilitator.getByRole('button', { name: 'Save role of Olivia Owner' }).click();
    await expect
      .poll(() => errorSummary(facilitator).innerText())
      .toContain('A lab needs at least one facilitator. Make someone else facilitator first.');
    expect(
      await facilitator.evaluate(() =>
        document.activeElement?.classList.contains('nhsuk-error-summary'),
      ),
    ).toBe(true);
    expect(await axeViolations(facilitator)).toEqual([]);

    await facilitator.getByRole('button', { name: 'Remove Oscar Observer' }).click();
    const confirmation = facilitator.getByTestId('removal-confirmation');
    await expect
      .poll(() => confirmation.innerText())
      .toContain('Remove Oscar Observer from this lab?');
    expect(await axeViolations(facilitator)).toEqual([]);
    await confirmation.getByRole('button', { name: 'Yes, remove Oscar Observer' }).click();
    await expect
      .poll(() => banner(facilitator).innerText())
      .toContain('Oscar Observer has been removed from the lab.');
    await expect.poll(() => memberRow(facilitator, 'Oscar Observer').count()).toBe(0);
  });

  it('refuses a bad invitation; creates one that an existing account accepts; withdraws it', async () => {
    await facilitator.getByRole('radio', { name: 'Participant' }).check();
    await facilitator.getByLabel('Days the link works for').fill('a week');
    await facilitator.getByRole('button', { name: 'Create invitation link' }).click();
    await expect
      .poll(() => errorSummary(facilitator).innerText())
      .toContain('Enter a whole number of days from 1 to 90');
    expect(await axeViolations(facilitator)).toEqual([]);

    await facilitator.getByLabel('Days the link works for').fill('7');
    await facilitator.getByLabel('Number of people who can use the link').fill('3');
    await facilitator.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await facilitator.getByLabel('Invitation link').inputValue();
    await expect
      .poll(() => facilitator.getByTestId('invite-table').innerText())
      .toMatch(/Participant[\s\S]*0 of 3/);
    expect(await axeViolations(facilitator)).toEqual([]);

    // Someone with an account signs in from the link, comes back to it, and accepts.
    const invitee = await (await browser.newContext()).newPage();
    await invitee.goto(link);
    await invitee.getByRole('link', { name: 'I already have an account' }).click();
    await expect.poll(() => heading(invitee)).toBe('Sign in to Improvement Lab');
    await signInOnPage(invitee, outsider);
    await expect
      .poll(() => invitee.getByRole('button', { name: 'Accept invitation' }).count())
      .toBe(1);
    expect(await invitee.getByText('You are signed in as Sam Outsider.').count()).toBe(1);
    expect(await axeViolations(invitee)).toEqual([]);
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await expect.poll(() => heading(invitee)).toBe('Night-time falls lab');
    expect(await invitee.getByTestId('lab-facts').innerText()).toContain('Participant');
    await facilitator.reload();
    await expect
      .poll(() => facilitator.getByTestId('invite-table').innerText())
      .toMatch(/Participant[\s\S]*1 of 3/);

    await facilitator
      .getByRole('button', { name: /^Withdraw invitation for a participant/ })
      .click();
    await expect
      .poll(() => facilitator.getByText('There are no open invitations.').count())
      .toBe(1);
    expect(await axeViolations(facilitator)).toEqual([]);

    const late = await (await browser.newContext()).newPage();
    await late.goto(link);
    await expect.poll(() => heading(late)).toBe('This link no longer works');
    expect(await late.getByTestId('load-error').innerText()).toBe(
      'This invitation was withdrawn. Ask the lab’s facilitator for a new one.',
    );
    expect(await axeViolations(late)).toEqual([]);
  });

  it('shows the audit trail of those changes', async () => {
    await facilitator.getByRole('link', { name: 'Back to Night-time falls lab' }).click();
    await facilitator.getByRole('link', { name: 'Audit trail' }).click();
    const table = facilitator.getByTestId('audit-table');
    await expect.poll(() => table.innerText()).toContain('Withdrew an invitation');
    const text = await table.innerText();
    for (const event of [
      'Changed the lab’s settings',
      'Changed a member’s role',
      'Removed a member',
    ]) {
      expect(text).toContain(event);
    }
    expect(text).toContain('Olivia Owner');
    // People are named, not shown by id.
    expect(text).toMatch(/Changed a member’s role[^\n]*Priya Participant[^\n]*to: observer/);
    expect(await axeViolations(facilitator)).toEqual([]);
  });

  it('archives the lab after a confirmation; it moves to "Archived labs"', async () => {
    await facilitator.goto(`${workspace.url}/labs/${workspace.labId}/settings`);
    await facilitator.getByRole('button', { name: 'Archive lab' }).click();
    const confirmation = facilitator.getByTestId('archive-confirmation');
    await expect.poll(() => confirmation.isVisible()).toBe(true);
    expect(await axeViolations(facilitator)).toEqual([]);
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => facilitator.evaluate(() => document.activeElement?.textContent))
      .toBe('Archive lab');
    await facilitator.getByRole('button', { name: 'Archive lab' }).click();
    await facilitator.getByRole('button', { name: 'Yes, archive this lab' }).click();
    await expect.poll(() => facilitator.getByText('This lab is archived.').count()).toBe(1);
    await facilitator.getByRole('link', { name: 'Improvement Lab' }).click();
    await expect
      .poll(() => facilitator.getByTestId('archived-lab-list').innerText())
      .toContain('Night-time falls lab');
    expect(await axeViolations(facilitator)).toEqual([]);
  });

  it('a participant-turned-observer sees the lab without the facilitator’s links', async () => {
    const page = await (await signedInContext(browser, workspace.url, participant)).newPage();
    await page.goto(`${workspace.url}/labs/${workspace.labId}`);
    await expect.poll(() => heading(page)).toContain('Night-time falls lab');
    expect(await page.getByTestId('lab-facts').innerText()).toContain('Observer');
    expect(await page.getByTestId('run-the-lab').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Add an item' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${workspace.url}/labs/${workspace.labId}/settings`);
    await expect
      .poll(() => page.getByText('Only the lab’s facilitators can change its settings.').count())
      .toBe(1);
  });
});
