/**
 * Notifications in the browser. A reviewer on a 375 px phone sees the count in the
 * header change without a reload when a facilitator, in another browser context,
 * replies to their comment, and follows the notification to the thread. A
 * facilitator @mentions a nurse through the comment box's list of lab members (a
 * reviewer typing "@" is offered nobody): the nurse gets a notification in the app
 * and an email, read from a real SMTP server. The notifications page and the email
 * choice on the account page pass axe and work at 200% zoom.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { mailSettings, startTestSmtp, type TestSmtp } from '../helpers/smtp';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const PHONE = { width: 375, height: 812 } as const;
/** A 1280 px wide window at 200% zoom lays out as 640 CSS px. */
const ZOOMED = { width: 640, height: 400 } as const;

const notificationsLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: /^Notifications/ });
const linkName = async (page: Page) =>
  ((await notificationsLink(page).textContent()) ?? '').replace(/\s+/g, ' ').trim();
const fitsWidth = (page: Page, width: number) =>
  page.evaluate((w) => document.documentElement.scrollWidth <= w, width);

describe('notifications', () => {
  let workspace: TestWorkspace;
  let smtp: TestSmtp;
  let browser: Browser;
  let owner: Account;
  let nurseAccount: Account;
  let patientAccount: Account;
  let itemId: string;
  let threadId: string;
  let facilitator: Page;
  let patient: Page;
  let nurse: Page;

  const api = async (account: Account, method: string, path: string, body?: unknown) =>
    (await apiWithToken(workspace.url, account.token, method, `/api${path}`, body)).json();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    workspace = await startTestWorkspace({
      config: { mail: mailSettings(smtp) },
      notificationEmail: { gatherMs: 50 },
    });
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    owner = await givePassword(meta, workspace.owner, hash);
    nurseAccount = await addAccount(meta, 'Nia Nurse', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    patientAccount = await addAccount(meta, 'Pat Patient', hash, {
      labId: workspace.labId,
      role: 'reviewer',
    });
    const created = (await api(owner, 'POST', `/labs/${workspace.labId}/items`, {
      kind: 'problem',
      title: 'Falls at night',
    })) as { item: { id: string } };
    itemId = created.item.id;
    await api(owner, 'PATCH', `/items/${itemId}`, { sharing: 'open_for_comment' });
    await api(patientAccount, 'POST', '/notifications/read-all');
    const thread = (await api(patientAccount, 'POST', `/items/${itemId}/comments`, {
      body: 'The call bell is out of reach at night.',
    })) as { comment: { id: string } };
    threadId = thread.comment.id;
    browser = await launchBrowser();
    const open = async (account: Account, options = {}) =>
      (await signedInContext(browser, workspace.url, account, options)).newPage();
    facilitator = await open(owner);
    patient = await open(patientAccount, { viewport: PHONE });
    nurse = await open(nurseAccount, { viewport: ZOOMED });
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
    await smtp?.stop();
  });

  it('shows a reviewer on a phone a reply as it happens, and leads them to the thread', async () => {
    await patient.goto(`${workspace.url}/notifications`);
    await expect.poll(() => heading(patient)).toBe('Notifications');
    await expect.poll(() => linkName(patient)).toBe('Notifications, none unread');
    await expect
      .poll(() => patient.getByText('You have read all your notifications.').count())
      .toBe(1);

    // The facilitator replies in their own browser.
    await facilitator.goto(`${workspace.url}/items/${itemId}`);
    const thread = facilitator.getByTestId('comment-thread').first();
    await thread.getByRole('button', { name: 'Reply' }).click();
    await facilitator.getByLabel('Your reply').fill('Thank you: we will clip the bells on.');
    await facilitator.getByRole('button', { name: 'Send reply' }).click();

    // No reload: the count in the header and the list follow.
    await expect.poll(() => linkName(patient)).toBe('Notifications1, 1 unread');
    const entry = patient.getByTestId('notification-list').getByRole('listitem').first();
    await expect
      .poll(() => entry.innerText())
      .toContain('Olivia Owner replied to your comment on “Falls at night”');
    expect(await entry.innerText()).toContain('Thank you: we will clip the bells on.');
    expect(await fitsWidth(patient, PHONE.width)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);

    await entry.getByRole('link').click();
    await expect.poll(() => new URL(patient.url()).pathname).toBe(`/items/${itemId}`);
    // The thread is shown, its heading focused.
    await expect
      .poll(() => patient.evaluate(() => document.activeElement?.id ?? ''))
      .toBe(`comment-thread-${threadId}`);
    await expect.poll(() => linkName(patient)).toBe('Notifications, none unread');
  });

  it('lets staff @mention a lab member from a list, who is told in the app and by email', async () => {
    await facilitator.goto(`${workspace.url}/items/${itemId}`);
    await facilitator.getByRole('button', { name: 'Comment on the whole item' }).click();
    const box = facilitator.getByLabel('Your comment', { exact: true });
    await box.pressSequentially('Could @Ni');
    const list = facilitator.getByRole('listbox', { name: 'People to mention' });
    await expect.poll(() => list.getByRole('option').allInnerTexts()).toEqual(['Nia Nurse']);
    expect(await box.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
    expect(await box.getAttribute('aria-activedescendant')).toBe(
      await list.getByRole('option').first().getAttribute('id'),
    );
    expect(await axeViolations(facilitator)).toEqual([]);
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Could @Nia Nurse ');
    expect(await list.count()).toBe(0);
    await box.pressSequentially('look at this?');
    await facilitator.getByRole('button', { name: 'Send comment' }).click();

    const email = await smtp.waitForEmail(nurseAccount.email);
    expect(email.subject).toBe('Olivia Owner mentioned you in a comment on “Falls at night”');
    const link = email.links.find((each) => each.includes(`/items/${itemId}#comment-`));
    expect(link).toBeDefined();

    // In the app, at 200% zoom.
    await nurse.goto(`${workspace.url}/notifications`);
    const entry = nurse.getByTestId('notification-list').getByRole('listitem').first();
    await expect
      .poll(() => entry.innerText())
      .toContain('Olivia Owner mentioned you in a comment on “Falls at night”');
    expect(await entry.getByRole('link').getAttribute('href')).toBe(
      new URL(link ?? '').pathname + new URL(link ?? '').hash,
    );
    expect(await fitsWidth(nurse, ZOOMED.width)).toBe(true);
    expect(await axeViolations(nurse)).toEqual([]);
    await nurse.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => linkName(nurse)).toBe('Notifications, none unread');
    await expect
      .poll(() => nurse.getByText('You have read all your notifications.').count())
      .toBe(1);
  });

  it('offers a reviewer nobody to mention', async () => {
    await patient.goto(`${workspace.url}/items/${itemId}`);
    await patient.getByRole('button', { name: 'Comment on the whole draft' }).click();
    const box = patient.getByLabel('Your comment', { exact: true });
    await box.pressSequentially('Ask @Ni');
    expect(await box.inputValue()).toBe('Ask @Ni');
    expect(await patient.getByText('Type @ and a name').count()).toBe(0);
    expect(await patient.getByRole('listbox').count()).toBe(0);
    expect(await box.getAttribute('aria-autocomplete')).toBeNull();
  });

  it('keeps each person’s email choice on their account page', async () => {
    await nurse.goto(`${workspace.url}/account`);
    const daily = nurse.getByLabel('Once a day, in one email');
    await expect.poll(() => nurse.getByLabel('As they happen').isChecked()).toBe(true);
    await daily.check();
    await nurse.getByRole('button', { name: 'Save email choice' }).click();
    await expect.poll(() => nurse.getByText('Saved: once a day, in one email.').count()).toBe(1);
    expect(await fitsWidth(nurse, ZOOMED.width)).toBe(true);
    expect(await axeViolations(nurse)).toEqual([]);
    await nurse.reload();
    await expect.poll(() => nurse.getByLabel('Once a day, in one email').isChecked()).toBe(true);
  });
});
