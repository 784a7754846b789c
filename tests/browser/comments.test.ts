/**
 * Patients and the public comment on drafts and see what changed because of
 * them. Three people in three browser contexts: a facilitator writes a problem
 * statement and opens it for comment; a patient (reviewer, on a 375 px wide
 * phone) selects a sentence and comments on it; a nurse (participant) sees the
 * comment arrive live and resolves it with a response; the patient sees the
 * response in "Your comments and what happened to them". The patient can never
 * change the text. Every screen passes axe-core's WCAG 2.2 A/AA rules.
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
  heading,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const TITLE = 'Night-time falls on Ward 7';
const SENTENCE = 'The call bell is often out of reach.';
const DESCRIPTION = `Patients fall at night. ${SENTENCE} Staff want to help.`;
const PROBLEM = 'Falls at night on Ward 7 are rising.';
const PATIENT_SAYS = 'At home I clip the call bell to my cardigan. Could the ward do that?';
const TEAM_DID = 'We added “call bell clipped to clothing” as a change idea to test next week.';
const PHONE = { width: 375, height: 812 } as const;

const description = (page: Page) => page.getByRole('textbox', { name: 'Problem description' });
const panel = (page: Page) => page.getByTestId('comments-panel');
const yourComments = (page: Page) => page.getByTestId('your-comments');
const threads = (page: Page) => panel(page).getByTestId('comment-thread');

/** Selects `words` inside the rich-text section, as a person dragging over them would. */
async function selectInEditor(page: Page, words: string): Promise<void> {
  await description(page).evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, words);
}

/** Nothing sticks out sideways on a phone. */
const fitsWidth = (page: Page) =>
  page.evaluate((width) => document.documentElement.scrollWidth <= width, PHONE.width);

/**
 * Comment controls smaller than 44 by 44 px (there should be none), each named by
 * its size and markup so a failure says which control it was.
 */
const smallTargets = (page: Page) =>
  page
    .locator(
      '.comments-panel button, .comments-panel__new button, .collab-editor__comment-bar button, .comments-panel select',
    )
    .evaluateAll((elements) =>
      elements.flatMap((element) => {
        const box = element.getBoundingClientRect();
        return box.width < 44 || box.height < 44
          ? [`${box.width}x${box.height} ${element.outerHTML.slice(0, 120)}`]
          : [];
      }),
    );

describe('commenting on a draft', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let owner: Account;
  let patientAccount: Account;
  let itemId: string;
  let facilitator: Page;
  let nurse: Page;
  let patient: Page;
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
    const nurseAccount = await addAccount(meta, 'Nia Nurse', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    patientAccount = await addAccount(meta, 'Pat Patient', hash, {
      labId: workspace.labId,
      role: 'reviewer',
    });
    await meta.updateUser(patientAccount.user.id, { profession: 'patient' });
    const created = await apiWithToken(
      workspace.url,
      owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind: 'problem', title: TITLE },
    );
    itemId = ((await created.json()) as { item: { id: string } }).item.id;
    browser = await launchBrowser();
    const open = async (account: Account, options = {}) =>
      (await signedInContext(browser, workspace.url, account, options)).newPage();
    facilitator = await open(owner);
    nurse = await open(nurseAccount);
    patient = await open(patientAccount, { viewport: PHONE });
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('the facilitator writes the draft and opens it for comment', async () => {
    await facilitator.goto(`${workspace.url}/items/${itemId}`);
    await description(facilitator).click();
    await facilitator.keyboard.insertText(DESCRIPTION);
    await facilitator.getByLabel('What is the problem?', { exact: true }).fill(PROBLEM);
    await expect.poll(() => facilitator.getByTestId('save-status').innerText()).toBe('Saved');
    await expect.poll(() => panel(facilitator).innerText()).toContain('No comments yet.');
    expect(await axeViolations(facilitator)).toEqual([]);
    const shared = await apiWithToken(workspace.url, owner.token, 'PATCH', `/api/items/${itemId}`, {
      sharing: 'open_for_comment',
    });
    expect(shared.status).toBe(200);
    // The nurse has the item open before anyone comments, to see comments arrive.
    await nurse.goto(`${workspace.url}/items/${itemId}`);
    await expect.poll(() => description(nurse).innerText()).toContain(SENTENCE);
    await expect.poll(() => panel(nurse).innerText()).toContain('No comments yet.');
  });

  it('the patient, on a phone, cannot change the text, and is told how to comment', async () => {
    await patient.goto(`${workspace.url}/items/${itemId}`);
    await expect.poll(() => description(patient).innerText()).toContain(SENTENCE);
    expect(await description(patient).getAttribute('contenteditable')).toBe('false');
    expect(await patient.locator('[contenteditable="true"]').count()).toBe(0);
    expect(await patient.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    expect(await patient.getByLabel('Title', { exact: true }).count()).toBe(0);
    const writable = await patient
      .locator('.item-editor textarea, .item-editor input, .item-editor select')
      .evaluateAll(
        (elements) =>
          elements.filter(
            (e) =>
              !(e as HTMLInputElement).readOnly &&
              !(e as HTMLInputElement).disabled &&
              e.tagName !== 'SELECT',
          ).length,
      );
    expect(writable).toBe(0);
    expect(await patient.getByTestId('how-to-comment').innerText()).toContain(
      'Select the words you want to comment on, then choose Add a comment.',
    );
    await expect.poll(() => yourComments(patient).innerText()).toContain('not commented');
    expect(await fitsWidth(patient)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);
  });

  it('the patient selects a sentence and comments on it', async () => {
    await selectInEditor(patient, SENTENCE);
    const add = patient.getByRole('button', { name: 'Add a comment' });
    await add.click();
    const form = patient.locator('.comments-panel__new');
    expect(await form.innerText()).toContain(`“${SENTENCE}”`);
    expect(await smallTargets(patient)).toEqual([]);
    expect(await axeViolations(patient)).toEqual([]);
    await patient.getByLabel('Your comment', { exact: true }).fill(PATIENT_SAYS);
    await patient.getByRole('button', { name: 'Send comment' }).click();

    const mine = yourComments(patient).getByTestId('your-comment');
    await expect.poll(() => mine.innerText()).toContain(`You said: ${PATIENT_SAYS}`);
    expect(await mine.innerText()).toContain('The team has not answered this yet.');
    // On a phone, the comments come after the text.
    const text = await description(patient).boundingBox();
    const list = await yourComments(patient).boundingBox();
    expect(list && text && list.y > text.y + text.height).toBe(true);
    // The sent comment's thread is drawn in the panel after "Your comments" shows it.
    await expect.poll(() => smallTargets(patient)).toEqual([]);
    await expect
      .poll(() => description(patient).locator('mark.passage-mark').allInnerTexts())
      .toEqual([SENTENCE]);
    expect(await fitsWidth(patient)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);
    const [stored] = await comments();
    expect(stored?.anchor).toMatchObject({ target: 'text.description', quote: SENTENCE });
    // The facilitator sees the patient's name (it is kept out of the synced document:
    // tests/integration/reviewer-names.test.ts).
    expect(stored?.author).toMatchObject({
      name: 'Pat Patient',
      profession: 'patient',
      reviewer: true,
    });
  });

  it('the nurse sees the comment live, on its passage, filters, and resolves it with a response', async () => {
    await expect.poll(() => panel(nurse).innerText()).toContain(PATIENT_SAYS);
    expect(await threads(nurse).first().innerText()).toContain(`“${SENTENCE}”`);
    expect(await description(nurse).locator('mark.passage-mark').allInnerTexts()).toEqual([
      SENTENCE,
    ]);
    await panel(nurse).getByLabel('From').selectOption({ label: 'Patient' });
    expect(await threads(nurse).count()).toBe(1);
    await panel(nurse).getByLabel('Show').selectOption({ label: 'Resolved' });
    await expect.poll(() => threads(nurse).count()).toBe(0);
    expect(await panel(nurse).innerText()).toContain('No comments match these filters.');
    await panel(nurse).getByLabel('Show').selectOption({ label: 'Open and resolved' });
    expect(await axeViolations(nurse)).toEqual([]);

    await threads(nurse).getByRole('button', { name: 'Resolve' }).click();
    await nurse
      .getByLabel('What did the team do because of this comment?', { exact: true })
      .fill(TEAM_DID);
    await nurse.getByRole('button', { name: 'Resolve with this response' }).click();
    await expect.poll(() => threads(nurse).first().innerText()).toContain(`We did: ${TEAM_DID}`);
    expect(await threads(nurse).first().getByRole('heading').innerText()).toContain('Resolved');
    expect(await axeViolations(nurse)).toEqual([]);
  });

  it('the patient sees what the team did, in "Your comments and what happened to them"', async () => {
    const mine = yourComments(patient).getByTestId('your-comment');
    await expect.poll(() => mine.innerText()).toContain(`We did: ${TEAM_DID}`);
    expect(await mine.innerText()).toContain('Resolved');
    expect(await mine.innerText()).toContain(`You said: ${PATIENT_SAYS}`);
    expect(await fitsWidth(patient)).toBe(true);
    expect(await axeViolations(patient)).toEqual([]);
  });

  it('the nurse comments on words in a text field', async () => {
    const field = nurse.getByLabel('What is the problem?', { exact: true });
    await field.focus();
    await field.evaluate((element) => {
      const box = element as HTMLTextAreaElement;
      const at = box.value.indexOf('Ward 7');
      box.setSelectionRange(at, at + 'Ward 7'.length);
    });
    const bar = nurse.locator('.comment-selection-bar');
    await expect.poll(() => bar.innerText()).toContain('Ward 7');
    expect(await bar.getByRole('button', { name: 'Add a comment' }).isVisible()).toBe(true);
    expect(await axeViolations(nurse)).toEqual([]);
    // The keyboard way: the shortcut the button announces.
    await nurse.keyboard.press('Control+Alt+M');
    await nurse.getByLabel('Your comment', { exact: true }).fill('Is this every ward, or just 7?');
    await nurse.getByRole('button', { name: 'Send comment' }).click();
    await expect.poll(async () => (await comments()).length).toBe(2);
    expect((await comments())[1]?.anchor).toMatchObject({ target: 'fields.what', quote: 'Ward 7' });
    await expect.poll(() => panel(patient).innerText()).toContain('every ward');
  });

  it('people edit their own comments, and reply and delete their replies, live for everyone', async () => {
    const patientThread = threads(patient).filter({ hasText: PATIENT_SAYS });
    await patientThread.getByRole('button', { name: 'Edit your comment' }).click();
    await patient.getByLabel('Edit your comment', { exact: true }).fill(`${PATIENT_SAYS} Thanks!`);
    await patient.getByRole('button', { name: 'Save changes' }).click();
    const nurseThread = threads(nurse).filter({ hasText: PATIENT_SAYS });
    await expect.poll(() => nurseThread.innerText()).toContain('Thanks!');
    expect(await nurseThread.innerText()).toContain('(edited)');
    expect(await nurseThread.getByRole('button', { name: 'Edit your comment' }).count()).toBe(0);

    await nurseThread.getByRole('button', { name: 'Reply' }).click();
    await nurse.getByLabel('Your reply', { exact: true }).fill('We will try it on nights first.');
    await nurse.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => patientThread.innerText()).toContain('on nights first');
    const reply = nurseThread.getByTestId('comment').nth(1);
    await reply.getByRole('button', { name: 'Delete' }).click();
    await reply.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => patientThread.innerText()).toContain('Deleted by its author.');
    expect(await patientThread.innerText()).not.toContain('on nights first');
    expect(await axeViolations(patient)).toEqual([]);
  });

  it('a deleted passage shows as detached with its words, and a hidden comment says so', async () => {
    // An editable editor follows the selection while it has focus; its comment button
    // appearing shows that it has taken the selection.
    await description(nurse).click();
    await selectInEditor(nurse, SENTENCE);
    await nurse.locator('.collab-editor__comment-button').waitFor();
    await nurse.keyboard.press('Backspace');
    await expect.poll(() => description(nurse).innerText()).not.toContain('call bell');
    const first = threads(nurse).first();
    await expect.poll(() => first.innerText()).toContain('Detached');
    expect(await first.getByTestId('detached-passage').innerText()).toContain(`“${SENTENCE}”`);
    await expect
      .poll(() => yourComments(patient).getByTestId('detached-passage').innerText())
      .toContain(SENTENCE);

    await facilitator.reload();
    const fieldThread = threads(facilitator).filter({ hasText: '“Ward 7”' });
    await fieldThread.getByRole('button', { name: 'Hide' }).click();
    await fieldThread.getByRole('button', { name: 'Yes, hide it' }).click();
    await expect.poll(() => fieldThread.innerText()).toContain('Hidden by a facilitator.');
    await expect
      .poll(() => panel(patient).getByTestId('comment-thread').nth(1).innerText())
      .toContain('Hidden by a facilitator.');
    expect(await axeViolations(facilitator)).toEqual([]);
    expect(await axeViolations(patient)).toEqual([]);
  });

  it('the facilitator sees the review round: comments per item and who commented', async () => {
    await facilitator.goto(`${workspace.url}/labs/${workspace.labId}/review`);
    await expect.poll(() => heading(facilitator)).toContain('Review round');
    await expect
      .poll(() => facilitator.getByTestId('review-items').innerText())
      .toMatch(new RegExp(`${TITLE}\\s+2\\s+1 of 2\\s+2`));
    const commenters = await facilitator.getByTestId('review-commenters').innerText();
    expect(commenters).toMatch(/Pat Patient\s+Patient\s+1/);
    expect(commenters).toMatch(/Nia Nurse\s+Nurse\s+1/);
    expect(await axeViolations(facilitator)).toEqual([]);
    await patient.goto(`${workspace.url}/labs/${workspace.labId}/review`);
    await expect.poll(() => heading(patient)).toContain('Review round');
    expect(await patient.locator('main').innerText()).toContain('Only the lab’s facilitators');
    expect(await fitsWidth(patient)).toBe(true);
  });
});
