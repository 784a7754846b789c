/**
 * The lab's evaluation survey in the browser: the facilitator opens the first round;
 * a participant on a phone is invited from the lab overview, is told what is missing,
 * and answers; once five people have answered, the facilitator sees the response rate,
 * the counts and the free text without names, and can download them as CSV.
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
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('lab evaluation survey', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let facilitator: Page;
  let participant: Page;
  let others: Account[];

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    const owner = await givePassword(meta, workspace.owner, hash);
    const priya = await addAccount(meta, 'Priya Participant', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    others = [];
    for (const name of ['Nia Nurse', 'Rae Reviewer', 'Dan Doctor', 'Ola Observer']) {
      const role = name.startsWith('Rae')
        ? 'reviewer'
        : name.startsWith('Ola')
          ? 'observer'
          : 'participant';
      others.push(await addAccount(meta, name, hash, { labId: workspace.labId, role }));
    }
    browser = await launchBrowser();
    facilitator = await (await signedInContext(browser, workspace.url, owner)).newPage();
    participant = await (
      await signedInContext(browser, workspace.url, priya, {
        viewport: { width: 375, height: 800 },
      })
    ).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('lets the facilitator open the first round from the lab', async () => {
    await facilitator.goto(`${workspace.url}/labs/${workspace.labId}`);
    await facilitator.getByRole('link', { name: 'Evaluation survey and results' }).click();
    await facilitator.getByRole('heading', { name: 'Lab evaluation', level: 1 }).waitFor();
    await expect
      .poll(() => facilitator.getByTestId('survey-round-before').innerText())
      .toBe('Not opened yet');
    expect(await axeViolations(facilitator)).toEqual([]);
    await facilitator.getByRole('button', { name: 'Open Before the lab' }).click();
    await expect
      .poll(() => facilitator.getByTestId('survey-round-before').innerText())
      .toMatch(/^Open since/);
  });

  it('invites a participant on a phone, says what is missing, and keeps the answers', async () => {
    await participant.goto(`${workspace.url}/labs/${workspace.labId}`);
    const prompt = participant.getByTestId('survey-prompt');
    await prompt.getByRole('link', { name: 'Answer 4 short questions' }).click();
    const form = participant.getByRole('form', { name: 'Before the lab: survey' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Send answers' }).click();
    const summary = participant.locator('.nhsuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(4);
    expect(await axeViolations(participant)).toEqual([]);
    // By keyboard: the summary's link focuses the first radio of the group; two presses
    // of the down arrow choose 3 (counted in the results below).
    await summary.getByRole('link').first().click();
    await participant.keyboard.press('ArrowDown');
    await participant.keyboard.press('ArrowDown');
    for (const [question, answer] of [
      ['How would you rate your skills', '4'],
      ['How confident do you feel', '2'],
      ['How supported do you feel', '5 – Very well supported'],
    ] as const) {
      await form
        .getByRole('group', { name: new RegExp(question) })
        .getByLabel(answer, { exact: true })
        .check();
    }
    await form
      .getByLabel('Is there anything else you would like to tell us?')
      .fill('Loved the fishbone session');
    await form.getByRole('button', { name: 'Send answers' }).click();
    await participant.getByText('Thank you: your answers have been saved').waitFor();
    await participant.goto(`${workspace.url}/labs/${workspace.labId}`);
    await participant.getByRole('heading', { level: 1 }).waitFor();
    await participant
      .getByTestId('run-the-lab')
      .or(participant.getByTestId('lab-facts'))
      .first()
      .waitFor();
    expect(await participant.getByTestId('survey-prompt').count()).toBe(0);
  });

  it('shows the facilitator figures only from five answers, without names, and as CSV', async () => {
    const answerAs = (account: Account, access: number) =>
      apiWithToken(
        workspace.url,
        account.token,
        'POST',
        `/api/labs/${workspace.labId}/survey/before/responses`,
        {
          answers: {
            access,
            skills: 3,
            confidence: 3,
            support: 3,
            comments: `Answer number ${access}`,
          },
        },
      );
    for (const [index, account] of others.slice(0, 3).entries()) {
      expect((await answerAs(account, index + 1)).status).toBe(200);
    }
    await facilitator.reload();
    const rates = facilitator.getByTestId('survey-response-rates');
    await expect
      .poll(() => rates.innerText())
      .toContain(
        'Before the lab: 4 of 6 members answered (67%) – figures are shown from 5 answers',
      );
    expect((await answerAs(others[3] as Account, 5)).status).toBe(200);
    await facilitator.reload();
    await expect
      .poll(() => rates.innerText())
      .toContain('Before the lab: 5 of 6 members answered (83%)');
    const table = facilitator.getByRole('table', {
      name: /How easy is it for you to get the information/,
    });
    await expect
      .poll(() => table.getByRole('row').nth(1).innerText())
      .toMatch(/Before the lab\s+5\s+2\.8\s+3\s+1\s+1\s+2\s+0\s+1/);
    const text = await facilitator.getByTestId('survey-text-comments').innerText();
    expect(text).toContain('Loved the fishbone session');
    expect(text).not.toMatch(/Priya|Nia|Rae|Dan|Ola/);
    expect(await axeViolations(facilitator)).toEqual([]);
    const href = await facilitator
      .getByRole('link', { name: 'Download the results (CSV)' })
      .getAttribute('href');
    const csv = await facilitator.request.get(`${workspace.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^\uFEFF?question,kind,before_n/);
  });
});
