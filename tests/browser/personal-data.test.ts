/**
 * The personal-data guardrail in real browsers. A patient (reviewer, on a 375 px
 * phone) writes a comment with a valid NHS number, is told in plain words why it
 * should go, removes it and posts; then posts another anyway, with a reason. A
 * facilitator sees that flag in the lab's list, is warned beside a text field when
 * they leave it holding an NHS number and keeps it with a reason, and sets the
 * lab's hospital number formats and comment retention. Every new screen and panel
 * passes axe-core's WCAG 2.2 A/AA rules and still fits at 200% zoom (a 1280 px wide
 * window zoomed to 200%: 640 CSS pixels at a device scale factor of 2).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  axeViolations,
  givePassword,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const NHS_NUMBER = '943 476 5919';
const FIRST = `My dad, NHS number ${NHS_NUMBER}, fell twice at night.`;
const SECOND = `Please look up ${NHS_NUMBER}: the night he fell the bell was broken.`;
const REASON = 'The ward asked me for it to find his notes';
const EXPLANATION =
  'This looks like an NHS number. Please remove it: comments are seen by the lab team and may be shared.';
const PHONE = { width: 375, height: 812 } as const;
const ZOOMED = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } as const;

/** Nothing sticks out sideways. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the personal-data guardrail', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let owner: Account;
  let itemId: string;
  let patient: Page;
  let facilitator: Page;
  let zoomed: Page;
  const comments = async (): Promise<Comment[]> => {
    const response = await apiWithToken(
      workspace.url,
      owner.token,
      'GET',
      `/api/items/${itemId}/comments`,
    );
    return ((await response.json()) as { comments: Comment[] }).comments;
  };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    owner = await givePassword(meta, workspace.owner, hash);
    const patientAccount = await addAccount(meta, 'Pat Patient', hash, {
      labId: workspace.labId,
      role: 'reviewer',
    });
    const created = await apiWithToken(
      workspace.url,
      owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind: 'problem', title: 'Night-time falls' },
    );
    itemId = ((await created.json()) as { item: { id: string } }).item.id;
    await apiWithToken(workspace.url, owner.token, 'PATCH', `/api/items/${itemId}`, {
      sharing: 'open_for_comment',
    });
    browser = await launchBrowser();
    patient = await (
      await signedInContext(browser, workspace.url, patientAccount, { viewport: PHONE })
    ).newPage();
    facilitator = await (await signedInContext(browser, workspace.url, owner)).newPage();
    zoomed = await (await signedInContext(browser, workspace.url, owner, ZOOMED)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('a patient is told why an NHS number should go, removes it, and posts', async () => {
    await patient.goto(`${workspace.url}/items/${itemId}`);
    await patient.getByRole('button', { name: 'Comment on the whole draft' }).click();
    await patient.getByLabel('Your comment', { exact: true }).fill(FIRST);
    await patient.getByRole('button', { name: 'Send comment' }).click();
    const notice = patient.getByTestId('personal-data-notice');
    await expect.poll(() => notice.innerText()).toContain(EXPLANATION);
    expect(await notice.innerText()).toContain(`NHS number: “${NHS_NUMBER}”`);
    expect(await comments()).toEqual([]);
    expect(await fitsWidth(patient)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);

    await notice.getByRole('button', { name: 'Remove it' }).click();
    expect(await patient.getByLabel('Your comment', { exact: true }).inputValue()).toBe(
      'My dad, NHS number, fell twice at night.',
    );
    await patient.getByRole('button', { name: 'Send comment' }).click();
    await expect
      .poll(async () => (await comments()).map((c) => c.body))
      .toEqual(['My dad, NHS number, fell twice at night.']);
    expect(workspace.server.meta.listPersonalDataFlags(workspace.labId)).toEqual([]);
  });

  it('a patient posts another anyway, with a reason, and it is kept whole', async () => {
    await patient.getByRole('button', { name: 'Comment on the whole draft' }).click();
    await patient.getByLabel('Your comment', { exact: true }).fill(SECOND);
    await patient.getByRole('button', { name: 'Send comment' }).click();
    const notice = patient.getByTestId('personal-data-notice');
    await notice.getByRole('button', { name: 'Post anyway' }).click();
    // A reason is asked for before anything is sent.
    await notice.getByRole('button', { name: 'Post with this reason' }).click();
    await expect.poll(() => notice.innerText()).toContain('Say why it needs to stay');
    await notice.getByLabel('Why does it need to stay?').fill(REASON);
    expect(await axeViolations(patient)).toEqual([]);
    expect(await fitsWidth(patient)).toBe(true);
    await notice.getByRole('button', { name: 'Post with this reason' }).click();
    await expect.poll(async () => (await comments()).map((c) => c.body)).toContain(SECOND);
    // The flag is stored once the comment is: the answer to the browser waits for both.
    await expect.poll(() => patient.getByTestId('personal-data-notice').count()).toBe(0);
    const [flag] = workspace.server.meta.listPersonalDataFlags(workspace.labId);
    expect(flag).toMatchObject({ reason: REASON, findings: [{ kind: 'nhs_number' }] });
  });

  it('a facilitator sees the flag in the lab’s list, also at 200% zoom', async () => {
    await facilitator.goto(`${workspace.url}/labs/${workspace.labId}`);
    await facilitator.getByRole('link', { name: 'Personal data kept in the lab' }).click();
    const flags = facilitator.getByTestId('personal-data-flag');
    await expect.poll(() => flags.count()).toBe(1);
    const text = await flags.first().innerText();
    for (const words of ['Night-time falls', 'A comment', 'NHS number', 'Pat Patient', REASON])
      expect(text).toContain(words);
    expect(text).toContain('Still in the text');
    expect(await axeViolations(facilitator)).toEqual([]);
    await zoomed.goto(`${workspace.url}/labs/${workspace.labId}/personal-data`);
    await expect.poll(() => zoomed.getByTestId('personal-data-flag').count()).toBe(1);
    expect(await fitsWidth(zoomed)).toBe(true);
    expect(await axeViolations(zoomed)).toEqual([]);
  });

  it('a facilitator is warned beside a text field, and keeps the number with a reason', async () => {
    await zoomed.goto(`${workspace.url}/items/${itemId}`);
    const field = zoomed.getByLabel('What is the problem?', { exact: true });
    await field.fill(`Falls like patient ${NHS_NUMBER}'s are rising.`);
    await field.blur();
    const notice = zoomed.getByTestId('personal-data-notice');
    await expect
      .poll(() => notice.innerText())
      .toContain(
        'This looks like an NHS number. Please remove it: this text is seen by the lab team and may be shared in reports.',
      );
    expect(await fitsWidth(zoomed)).toBe(true);
    expect(await axeViolations(zoomed)).toEqual([]);
    await notice.getByRole('button', { name: 'Keep it, with a reason' }).click();
    await notice.getByLabel('Why does it need to stay?').fill('A made-up number for training');
    await notice.getByRole('button', { name: 'Keep it' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(
      workspace.server.meta
        .listPersonalDataFlags(workspace.labId)
        .map((flag) => [flag.place, flag.reason]),
    ).toContainEqual([{ type: 'field', target: 'fields.what' }, 'A made-up number for training']);
    // "Remove it" deletes it from the shared text.
    await field.fill(`Call 020 7946 0018 to report a fall.`);
    await field.blur();
    await notice.getByRole('button', { name: 'Remove it' }).click();
    await expect.poll(() => field.inputValue()).toBe('Call  to report a fall.');

    // A rich-text section is checked when left, too, and "Remove it" takes the number out.
    const section = zoomed.getByRole('textbox', { name: 'Problem description' });
    await section.click();
    await zoomed.keyboard.insertText(`Falls on the ward, one of them ${NHS_NUMBER} at night.`);
    await field.focus();
    await expect.poll(() => notice.innerText()).toContain('This looks like an NHS number.');
    expect(await axeViolations(zoomed)).toEqual([]);
    await notice.getByRole('button', { name: 'Remove it' }).click();
    await expect.poll(() => section.innerText()).toBe('Falls on the ward, one of them  at night.');
    expect(await fitsWidth(zoomed)).toBe(true);
  });

  it('a facilitator sets the lab’s hospital number formats and how long comments are kept', async () => {
    await zoomed.goto(`${workspace.url}/labs/${workspace.labId}/settings`);
    await zoomed.getByLabel('Your hospital’s patient number formats').fill('RX######');
    await zoomed.getByLabel('90 days').check();
    expect(await fitsWidth(zoomed)).toBe(true);
    expect(await axeViolations(zoomed)).toEqual([]);
    await zoomed.getByRole('button', { name: 'Save personal data settings' }).click();
    await expect
      .poll(() => workspace.server.meta.getLab(workspace.labId))
      .toMatchObject({ hospitalNumberMasks: ['RX######'], commentRetentionDays: 90 });
    // The patient's form now knows the lab's format.
    await patient.reload();
    await patient.getByRole('button', { name: 'Comment on the whole draft' }).click();
    await patient.getByLabel('Your comment', { exact: true }).fill('Seen as RX123456 in clinic');
    await patient.getByRole('button', { name: 'Send comment' }).click();
    await expect
      .poll(() => patient.getByTestId('personal-data-notice').innerText())
      .toContain('This looks like a hospital number.');
  });
});
