/**
 * A facilitator invites a patient as a reviewer; the patient signs up with the
 * link in another browser context (on a 375 px wide screen), lands in the lab
 * without edit controls, and reads an item open for comment that they cannot
 * change.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  apiWithToken,
  axeViolations,
  givePassword,
  heading,
  signInOnPage,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const ITEM = 'reviewer-item';
const TITLE = 'Night-time falls: our aim';
const TEXT = 'Aim: no falls at night on Ward 7 by March.';
const PATIENT = { name: 'Pat Patient', email: 'pat.patient@example.org' } as const;
const PASSWORD = 'a long enough patient password';

const editor = (page: Page) => page.getByRole('textbox', { name: 'Body' });
const path = (page: Page) => new URL(page.url()).pathname;

describe('inviting a patient as a reviewer', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let owner: Account;
  let facilitatorContext: BrowserContext;
  let facilitator: Page;
  let patient: Page;
  let link: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    owner = await givePassword(workspace.server.meta, workspace.owner, await testPasswordHash());
    await workspace.registerDoc(ITEM);
    browser = await launchBrowser();
    facilitatorContext = await browser.newContext();
    await facilitatorContext.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: workspace.url,
    });
    facilitator = await facilitatorContext.newPage();
    patient = await (await browser.newContext({ viewport: { width: 375, height: 812 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('the facilitator titles and writes the item, and opens it for comment', async () => {
    await facilitator.goto(`${workspace.url}/sign-in`);
    expect(await axeViolations(facilitator)).toEqual([]);
    await signInOnPage(facilitator, owner);
    await expect.poll(() => heading(facilitator)).toBe('Your labs');
    expect(await axeViolations(facilitator)).toEqual([]);
    await facilitator.goto(`${workspace.url}/items/${ITEM}`);
    await facilitator.getByLabel('Title', { exact: true }).fill(TITLE);
    await facilitator.getByRole('button', { name: 'Save title' }).click();
    await expect.poll(() => heading(facilitator)).toBe(`Note ${TITLE}`);
    await editor(facilitator).click();
    await facilitator.keyboard.type(TEXT);
    await expect.poll(() => facilitator.getByTestId('save-status').innerText()).toBe('Saved');
    expect(await axeViolations(facilitator)).toEqual([]);
    const response = await apiWithToken(workspace.url, owner.token, 'PATCH', `/api/items/${ITEM}`, {
      sharing: 'open_for_comment',
    });
    expect(response.status).toBe(200);
  });

  it('the facilitator invites a reviewer from Members and invitations and copies the link', async () => {
    await facilitator.getByRole('link', { name: /^Back to/ }).click();
    await expect.poll(() => path(facilitator)).toBe(`/labs/${workspace.labId}`);
    await facilitator.getByRole('link', { name: 'Members and invitations' }).click();
    await expect.poll(() => heading(facilitator)).toContain('Members and invitations');
    expect(await axeViolations(facilitator)).toEqual([]);

    await facilitator.getByLabel('Reviewer (patient or public)').check();
    await facilitator.getByRole('button', { name: 'Create invitation link' }).click();
    const card = facilitator.getByTestId('invitation-link');
    await expect.poll(() => card.innerText()).toContain('will not be shown again');
    expect(await axeViolations(facilitator)).toEqual([]);
    await card.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => card.getByRole('status').innerText()).toBe('Link copied.');
    link = await facilitator.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await facilitator.getByLabel('Invitation link').inputValue());
    expect(link).toMatch(new RegExp(`^${workspace.url}/invite/il_inv_[A-Za-z0-9_-]+$`));
    await expect
      .poll(() => facilitator.getByTestId('invite-table').innerText())
      .toMatch(/Reviewer \(patient or public\)[\s\S]*0 of 1/);
  });

  it('the patient signs up with the link in another context and lands in the lab without edit controls', async () => {
    await patient.goto(link);
    await expect.poll(() => heading(patient)).toContain(`Lab ${workspace.labId}`);
    expect(await patient.getByTestId('invited-role').innerText()).toContain(
      'Reads what is shared with them and comments. Cannot change the text.',
    );
    expect(await axeViolations(patient)).toEqual([]);

    await patient.getByLabel('Full name').fill(PATIENT.name);
    await patient.getByLabel('Email address').fill(PATIENT.email);
    await patient.getByLabel('Profession or role').selectOption({ label: 'Patient' });
    await patient.getByLabel('Create a password').fill(PASSWORD);
    await patient.getByRole('button', { name: 'Create account and join' }).click();

    await expect.poll(() => path(patient)).toBe(`/labs/${workspace.labId}`);
    await expect.poll(() => heading(patient)).toBe(`Lab ${workspace.labId}`);
    await expect
      .poll(() => patient.getByTestId('lab-facts').innerText())
      .toContain('Reviewer (patient or public)');
    await expect.poll(() => patient.getByTestId('item-list').innerText()).toContain(TITLE);
    expect(await patient.getByRole('heading', { name: 'Add an item' }).count()).toBe(0);
    expect(await patient.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await patient.getByRole('link', { name: 'Members and invitations' }).count()).toBe(0);
    expect(await patient.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    expect(await axeViolations(patient)).toEqual([]);
    // The link was for one person: it is no longer pending.
    await facilitator.reload();
    await expect
      .poll(() => facilitator.getByRole('heading', { name: 'Invitations not yet used' }).count())
      .toBe(1);
    expect(await facilitator.getByTestId('invite-table').count()).toBe(0);
  });

  it('the patient reads the item open for comment, cannot edit it, and typing changes nothing', async () => {
    await patient.getByRole('link', { name: TITLE }).click();
    await expect.poll(() => editor(patient).innerText()).toContain(TEXT);
    expect(await patient.getByTestId('access-notice').innerText()).toContain(
      'You can read this and comment on it; you cannot change the text',
    );
    expect(await editor(patient).getAttribute('contenteditable')).toBe('false');
    expect(await patient.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    expect(await patient.getByLabel('Title', { exact: true }).count()).toBe(0);
    await expect.poll(() => patient.getByTestId('save-status').innerText()).toBe('Up to date');
    expect(await axeViolations(patient)).toEqual([]);

    await editor(patient).click();
    await patient.keyboard.press('End');
    await patient.keyboard.type(' Changed by a reviewer.');
    await patient.keyboard.press('Enter');
    expect(await editor(patient).innerText()).not.toContain('Changed by a reviewer');

    // The facilitator sees the patient here (their awareness was accepted) …
    await facilitator.goto(`${workspace.url}/items/${ITEM}`);
    await expect
      .poll(() => facilitator.getByTestId('presence-list').innerText())
      .toContain(PATIENT.name);
    // … and a fresh copy from the server has the text unchanged.
    await expect.poll(() => facilitator.getByTestId('save-status').innerText()).toBe('Saved');
    expect((await editor(facilitator).innerText()).trim()).toBe(TEXT);
    expect((await editor(patient).innerText()).trim()).toBe(TEXT);
  });
});
