/**
 * A workshop run end to end with four people in separate browser contexts: the
 * facilitator, two participants and a reviewer invited to the board. Everyone adds
 * notes, they are grouped into clusters (by keyboard and by pointer), everyone votes with hidden results, the
 * facilitator reveals them (the counts right on every screen) and makes change
 * ideas of the three top clusters, each then linked from its cluster. Axe checks
 * the board at 1280 px and on a 375 px phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  addAccount,
  apiWithToken,
  axeViolations,
  givePassword,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const WAIT = { timeout: 15_000 };
const SHOTS = process.env.SHOTS_DIR;

const CLUSTERS = ['Night rounds', 'Call bells', 'Lighting', 'Paperwork'] as const;

describe('a workshop board with four people', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let boardId: string;
  let people: Record<'fac' | 'pat' | 'sam' | 'rose', Page>;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const hash = await testPasswordHash();
    const { meta } = workspace.server;
    const fac = await givePassword(meta, workspace.owner, hash);
    const pat = await addAccount(meta, 'Pat Participant', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    const sam = await addAccount(meta, 'Sam Participant', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    const rose = await addAccount(meta, 'Rose Reviewer', hash, {
      labId: workspace.labId,
      role: 'reviewer',
    });
    const created = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind: 'workshop', title: 'Night-time workshop' },
    );
    expect(created.status).toBe(201);
    boardId = ((await created.json()) as { item: { id: string } }).item.id;
    // The facilitator invites reviewers to this board by sharing it with them.
    const shared = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'PATCH',
      `/api/items/${boardId}`,
      { sharing: 'open_for_comment' },
    );
    expect(shared.status).toBe(200);
    browser = await launchBrowser();
    const page = async (account: typeof pat) =>
      (await signedInContext(browser, workspace.url, account)).newPage();
    people = {
      fac: await page(fac),
      pat: await page(pat),
      sam: await page(sam),
      rose: await page(rose),
    };
    for (const each of Object.values(people)) {
      await each.setViewportSize({ width: 1280, height: 900 });
      await each.goto(`${workspace.url}/items/${boardId}`);
      await each.getByLabel(/^Your note/).waitFor(WAIT);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  const cluster = (page: Page, name: string) =>
    page.locator('section.workshop__cluster', { has: page.getByRole('heading', { name }) });

  it('runs notes, clusters, hidden votes, the reveal and three change ideas', async () => {
    const { fac, pat, sam, rose } = people;
    // The facilitator sets the prompt and three votes each, and starts a timer everyone sees.
    await fac.getByLabel('Prompt').fill('What gets in the way of a safe night?');
    await fac.getByLabel('Votes per person').fill('3');
    await fac.getByRole('button', { name: 'Save prompt and votes' }).click();
    await fac.getByRole('button', { name: 'Start timer' }).click();
    for (const each of [pat, sam, rose]) {
      await expect
        .poll(() => each.locator('.workshop__prompt').innerText(), WAIT)
        .toBe('What gets in the way of a safe night?');
      await each.getByTestId('workshop-timer').waitFor(WAIT);
    }

    // Everyone adds a note; Pat by keyboard alone.
    await pat.getByLabel(/^Your note/).focus();
    await pat.keyboard.type('Nobody checks after midnight');
    await pat.keyboard.press('Tab');
    await pat.keyboard.press('Enter');
    await expect
      .poll(() => pat.getByTestId('workshop-said').innerText(), WAIT)
      .toContain('Note added');
    const notes: Array<[Page, string]> = [
      [sam, 'Bell out of reach'],
      [rose, 'Too dark to find the toilet'],
      [fac, 'Forms take the nurses away'],
    ];
    for (const [each, text] of notes) {
      await each.getByLabel(/^Your note/).fill(text);
      await each.getByRole('button', { name: 'Add note' }).click();
    }
    await expect.poll(() => sam.locator('.workshop__note').count(), WAIT).toBe(4);
    // The reviewer's note reaches the others signed as a reviewer, not by name.
    expect(await sam.locator('.workshop__note', { hasText: 'Too dark' }).innerText()).toContain(
      'Patient or public reviewer',
    );
    expect((await sam.locator('.workshop__clusters').innerText()).includes('Rose')).toBe(false);

    // Clusters, and each note moved into one with its "Move…" button and the dialog it opens.
    for (const name of CLUSTERS) {
      await fac.getByLabel('New cluster name').fill(name);
      await fac.getByRole('button', { name: 'Add cluster' }).click();
    }
    await expect.poll(() => pat.locator('section.workshop__cluster').count(), WAIT).toBe(5);
    const moveButton = (text: string) =>
      pat.getByRole('button', { name: `Move… (“${text}”)`, exact: true });
    const dialog = pat.getByRole('dialog', { name: 'Move “Nobody checks after midnight”' });
    // By keyboard: the listbox takes the keyboard, Escape closes it without a move and gives
    // the keyboard back to the button; the arrows and Enter move the note, announced, and
    // the keyboard is back on the note's button in its new cluster.
    await moveButton('Nobody checks after midnight').focus();
    await pat.keyboard.press('Enter');
    const listbox = dialog.getByRole('listbox');
    await expect
      .poll(() => listbox.evaluate((el) => el === document.activeElement), WAIT)
      .toBe(true);
    expect(await dialog.getByRole('option', { selected: true }).innerText()).toContain(
      'Not grouped',
    );
    expect(await axeViolations(pat)).toEqual([]);
    await pat.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    await expect
      .poll(() => pat.evaluate(() => document.activeElement?.textContent), WAIT)
      .toBe('Move… (“Nobody checks after midnight”)');
    await pat.keyboard.press('Enter');
    await pat.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('option', { selected: true }).innerText()).toBe('Night rounds');
    await pat.keyboard.press('Enter');
    await expect
      .poll(() => pat.getByTestId('workshop-said').innerText(), WAIT)
      .toBe('Moved “Nobody checks after midnight” to “Night rounds”.');
    await expect
      .poll(() =>
        pat.evaluate(
          () => document.activeElement?.closest('section.workshop__cluster')?.textContent ?? '',
        ),
      )
      .toContain('Night rounds');
    expect(await pat.evaluate(() => document.activeElement?.textContent)).toBe(
      'Move… (“Nobody checks after midnight”)',
    );
    // By pointer.
    const moves: Array<[string, string]> = [
      ['Bell out of reach', 'Call bells'],
      ['Too dark to find the toilet', 'Lighting'],
      ['Forms take the nurses away', 'Paperwork'],
    ];
    for (const [text, into] of moves) {
      await moveButton(text).click();
      await pat.getByRole('dialog').getByRole('option', { name: into }).click();
      await expect.poll(() => pat.getByRole('dialog').count(), WAIT).toBe(0);
    }
    await expect
      .poll(() => cluster(sam, 'Lighting').innerText(), WAIT)
      .toContain('Too dark to find the toilet');
    await expect
      .poll(() => pat.getByTestId('workshop-said').innerText(), WAIT)
      .toContain('to “Paperwork”');

    // Votes: Night rounds 4, Call bells 3, Lighting 4, Paperwork 1; hidden until revealed.
    const ballots: Array<[Page, string[]]> = [
      [fac, ['Night rounds', 'Night rounds', 'Call bells']],
      [pat, ['Night rounds', 'Call bells', 'Lighting']],
      [sam, ['Call bells', 'Lighting', 'Lighting']],
      [rose, ['Night rounds', 'Paperwork', 'Lighting']],
    ];
    for (const [each, choices] of ballots) {
      for (const [i, name] of choices.entries()) {
        await cluster(each, name)
          .getByRole('button', { name: `Vote for “${name}”` })
          .click();
        await expect
          .poll(() => each.getByTestId('votes-left').innerText(), WAIT)
          .toContain(`You have ${2 - i} of 3 votes left`);
      }
    }
    // A fourth vote is refused, and said so.
    await cluster(rose, 'Call bells')
      .getByRole('button', { name: 'Vote for “Call bells”' })
      .click();
    await expect
      .poll(() => rose.getByTestId('workshop-said').innerText(), WAIT)
      .toContain('used all 3 of your votes');
    for (const each of Object.values(people))
      expect(await each.getByTestId('vote-count').count()).toBe(0);

    if (SHOTS) await fac.screenshot({ path: `${SHOTS}/workshop-voting-1280.png`, fullPage: true });
    expect(await axeViolations(fac)).toEqual([]);
    expect(await axeViolations(rose)).toEqual([]);

    // Revealed: the counts, right, on every screen.
    await fac.getByRole('button', { name: 'Reveal the votes' }).click();
    const expected: Record<string, string> = {
      'Night rounds': '4 votes',
      'Call bells': '3 votes',
      Lighting: '4 votes',
      Paperwork: '1 vote',
    };
    for (const each of Object.values(people)) {
      for (const [name, count] of Object.entries(expected)) {
        await expect
          .poll(() => cluster(each, name).getByTestId('vote-count').first().innerText(), WAIT)
          .toBe(count);
      }
    }

    // The three top clusters become change ideas, placed on the PICK chart.
    for (const name of ['Night rounds', 'Lighting', 'Call bells']) {
      const box = cluster(fac, name);
      await box.getByRole('button', { name: `Make a change idea from “${name}”` }).click();
      await box.getByLabel('Effort').selectOption('hard');
      await box.getByRole('button', { name: 'Create change idea' }).click();
      await cluster(pat, name).getByRole('link', { name: 'a change idea' }).waitFor(WAIT);
    }
    expect(await cluster(pat, 'Paperwork').getByRole('link').count()).toBe(0);
    expect(await axeViolations(fac)).toEqual([]);
    if (SHOTS)
      await fac.screenshot({ path: `${SHOTS}/workshop-revealed-1280.png`, fullPage: true });

    // Each link leads to the idea, which names its board and cluster.
    const href = await cluster(pat, 'Lighting')
      .getByRole('link', { name: 'a change idea' })
      .getAttribute('href');
    const ideaId = href?.split('/').pop() ?? '';
    const idea = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'GET',
      `/api/items/${ideaId}`,
    );
    expect(((await idea.json()) as { item: { title: string; kind: string } }).item).toMatchObject({
      kind: 'idea',
      title: 'Lighting',
    });

    const ideaPage = await pat.context().newPage();
    await ideaPage.goto(`${workspace.url}${href}`);
    const back = ideaPage.getByRole('link', { name: 'the workshop board it came from' });
    await back.waitFor(WAIT);
    expect(await back.getAttribute('href')).toBe(`/items/${boardId}`);
    await ideaPage.close();

    // The lock: the participants can add nothing more.
    await fac.getByRole('button', { name: 'Lock the board' }).click();
    await pat.getByText('Locked', { exact: true }).waitFor(WAIT);
    await expect.poll(() => pat.getByLabel(/^Your note/).count(), WAIT).toBe(0);

    // A phone.
    await rose.setViewportSize({ width: 375, height: 800 });
    await fac.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(rose)).toEqual([]);
    expect(await axeViolations(fac)).toEqual([]);
    if (SHOTS) {
      await rose.screenshot({ path: `${SHOTS}/workshop-reviewer-375.png`, fullPage: true });
      await fac.screenshot({ path: `${SHOTS}/workshop-facilitator-375.png`, fullPage: true });
    }
    // Four browsers through the whole workshop: beside other test files on two busy cores it
    // ran past the default 30 s while passing (24 s alone at a load average of 17).
  }, 60_000);

  it('keeps the keyboard on a note that someone else moves to another cluster', async () => {
    const { fac, pat } = people;
    const text = 'Bell out of reach';
    const move = (page: Page) =>
      page.getByRole('button', { name: `Move… (“${text}”)`, exact: true });
    await fac.getByRole('button', { name: 'Unlock the board' }).click();
    await move(pat).waitFor(WAIT);
    await move(pat).focus();
    // The facilitator moves Pat's note from “Call bells” to “Lighting”: Pat's card is
    // drawn anew in its new cluster, and the keyboard goes with it.
    await move(fac).click();
    await fac.getByRole('dialog').getByRole('option', { name: 'Lighting' }).click();
    await expect.poll(() => cluster(pat, 'Lighting').innerText(), WAIT).toContain(text);
    expect(await move(pat).evaluate((button) => button === document.activeElement)).toBe(true);
    if (SHOTS) {
      await pat.screenshot({ path: `${SHOTS}/workshop-focus-kept-1280.png` });
      await pat.setViewportSize({ width: 375, height: 800 });
      await move(pat).scrollIntoViewIfNeeded();
      await pat.screenshot({ path: `${SHOTS}/workshop-focus-kept-375.png` });
      await pat.setViewportSize({ width: 1280, height: 900 });
    }
    await pat.keyboard.press('Enter');
    const dialog = pat.getByRole('dialog', { name: `Move “${text}”` });
    await expect
      .poll(() => dialog.getByRole('option', { selected: true }).innerText(), WAIT)
      .toBe('Lighting (it is here)');
    await pat.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
  });
});
