/**
 * The lab's thinking surfaces on a 375 px touch phone. The demo lab's facilitator
 * shares its driver diagram, fishbone, process map and finished workshop board
 * with reviewers; a patient reviewer on a phone reads each one (its labels on
 * screen, nothing wider than the screen) and comments on it, and the facilitator,
 * at 1280 px in another browser context, sees each comment arrive live. A
 * participant on a phone comments on a diagram and adds a note to an open board.
 * Axe checks every screen at 375 px and at 1280 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WORKSHOP_ID } from '../../server/demo/demo-workshop';
import { DEMO_LAB } from '../../shared/demo';
import { apiAs, type HttpSession, signIn, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  axeViolations,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const WAIT = { timeout: 15_000 };
/** Where to save screenshots of each screen, when asked. */
const SHOTS = process.env.SHOTS_DIR;
const ADMIN = { email: 'demo.admin@example.org', password: TEST_PASSWORD, name: 'Dana Admin' };
const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true } as const;
const DESK = { viewport: { width: 1280, height: 900 } } as const;

/** Each demo screen, and one of its labels a reader must be able to see. */
const SCREENS = [
  { id: 'demo-drivers', name: 'drivers', label: 'Patients can get help when they need it' },
  { id: 'demo-fishbone', name: 'fishbone', label: 'Call bell out of reach' },
  { id: 'demo-process', name: 'process', label: 'Presses the call bell' },
  { id: DEMO_WORKSHOP_ID, name: 'workshop', label: 'Call bell fell behind the bed' },
] as const;

/**
 * Whether `label` is shown in type a phone can read (12 px or more as drawn, the
 * drawing's zoom included), wholly inside the window's width.
 */
const labelReadable = (page: Page, label: string) =>
  page.evaluate((text) => {
    const words = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const holders = [...document.querySelectorAll('body *')].filter(
      (element) =>
        words(element).includes(text) &&
        [...element.children].every((child) => !words(child).includes(text)),
    );
    return holders.some((element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const scale = element instanceof SVGGraphicsElement ? (element.getScreenCTM()?.a ?? 0) : 1;
      return (
        box.width > 0 &&
        style.visibility !== 'hidden' &&
        box.left >= 0 &&
        box.right <= window.innerWidth &&
        Number.parseFloat(style.fontSize) * scale >= 12
      );
    });
  }, label);

/**
 * Whether the page is wider than the phone. Measured against the screen's width, not
 * `innerWidth`: a mobile browser widens its layout viewport to the page's content.
 */
const scrollsSideways = async (page: Page) => {
  const width = page.viewportSize()?.width ?? 0;
  return page.evaluate((screen) => document.documentElement.scrollWidth > screen, width);
};

/** Opens a diagram's side panel, folded away for people who edit, where comments are. */
const showSidePanel = (page: Page) => page.getByRole('button', { name: /^Show side panel/ }).tap();

/** The facilitator's list of comment threads, shown. */
async function facilitatorThreads(page: Page, url: string) {
  await page.goto(url);
  // The panel and the toggle (on diagrams only) come in the same render.
  await page.getByTestId('comments-panel').waitFor({ state: 'attached', ...WAIT });
  const toggle = page.getByRole('button', { name: /^Show side panel/ });
  if ((await toggle.count()) > 0) await toggle.click();
  await page.getByTestId('comments-panel').waitFor(WAIT);
  return page.getByRole('list', { name: 'Comment threads' });
}

async function sendComment(page: Page, button: string, text: string): Promise<void> {
  await page.getByRole('button', { name: button }).tap();
  const box = page.getByLabel('Your comment', { exact: true });
  await box.waitFor(WAIT);
  await box.fill(text);
  await page.getByRole('button', { name: 'Send comment' }).tap();
  await expect
    .poll(() => page.getByText('Your comment was sent. The team can see it now.').count(), WAIT)
    .toBe(1);
}

describe('the diagrams and the workshop board on a phone', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let facilitator: Page;
  let facilitatorApi: HttpSession;
  let reviewer: Account;
  let participant: Account;
  let admin: Account;
  /** The reviewer's phone, kept across the four screens as a person would. */
  let reviewerPhone: Page;

  beforeAll(async () => {
    workspace = await startTestWorkspace({ config: { demo: true, admin: ADMIN } });
    const user = workspace.server.meta.findUserByEmail(ADMIN.email);
    if (!user) throw new Error('the demo administrator was not created');
    admin = { user, token: '', email: ADMIN.email, password: ADMIN.password };
    const hash = await testPasswordHash();
    const { meta } = workspace.server;
    reviewer = await addAccount(meta, 'Pat Patient', hash, {
      labId: DEMO_LAB.id,
      role: 'reviewer',
    });
    participant = await addAccount(meta, 'Nia Nurse', hash, {
      labId: DEMO_LAB.id,
      role: 'participant',
    });
    // The facilitator shares the four screens with reviewers, as the lab does.
    facilitatorApi = await signIn(workspace.url, ADMIN.email, ADMIN.password);
    for (const { id } of SCREENS)
      await apiAs(workspace.url, facilitatorApi, 'PATCH', `/api/items/${id}`, {
        sharing: 'open_for_comment',
      });
    browser = await launchBrowser();
    facilitator = await (await signedInContext(browser, workspace.url, admin, DESK)).newPage();
    reviewerPhone = await (
      await signedInContext(browser, workspace.url, reviewer, PHONE)
    ).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  for (const screen of SCREENS) {
    it(`a reviewer reads and comments on the ${screen.name} from a phone; the facilitator sees it live`, async () => {
      const url = `${workspace.url}/items/${screen.id}`;
      const threads = await facilitatorThreads(facilitator, url);
      await reviewerPhone.goto(url);
      const phone = reviewerPhone;
      await expect.poll(() => labelReadable(phone, screen.label), WAIT).toBe(true);
      expect(await scrollsSideways(phone)).toBe(false);
      expect(await axeViolations(phone)).toEqual([]);

      // Nothing here is words to select: the steps point to the whole-draft comment.
      const steps = await phone.getByTestId('how-to-comment').innerText();
      expect(steps).toContain('Choose Comment on the whole draft, and say which part you mean');
      expect(steps).not.toContain('Select the words');
      const text = `From my bed: the ${screen.name} matches what happened to me.`;
      // The comment button is there without opening the side panel first.
      await sendComment(phone, 'Comment on the whole draft', text);
      await expect.poll(() => threads.innerText(), WAIT).toContain(text);
      await expect.poll(() => phone.getByTestId('your-comments').innerText(), WAIT).toContain(text);
      expect(await scrollsSideways(phone)).toBe(false);
      expect(await axeViolations(phone)).toEqual([]);
      if (SHOTS)
        await phone.screenshot({
          path: `${SHOTS}/${screen.name}-reviewer-375.png`,
          fullPage: true,
        });

      expect(await axeViolations(facilitator)).toEqual([]);
      await phone.setViewportSize(DESK.viewport);
      expect(await axeViolations(phone)).toEqual([]);
      await phone.setViewportSize(PHONE.viewport);
    });
  }

  it('a facilitator edits each diagram on a phone without the page scrolling sideways', async () => {
    const phone = await (await signedInContext(browser, workspace.url, admin, PHONE)).newPage();
    // Editors carry more than readers: menus that name a long cause, toolbars, fields.
    for (const screen of SCREENS.filter((each) => each.name !== 'workshop')) {
      await phone.goto(`${workspace.url}/items/${screen.id}`);
      await phone.getByRole('button', { name: 'Undo' }).waitFor(WAIT);
      await expect.poll(() => labelReadable(phone, screen.label), WAIT).toBe(true);
      expect(await scrollsSideways(phone), screen.name).toBe(false);
    }
    await phone.context().close();
  });

  it('a participant comments on a diagram and adds a note to an open board from a phone', async () => {
    const phone = await (
      await signedInContext(browser, workspace.url, participant, PHONE)
    ).newPage();
    const fishbone = `${workspace.url}/items/demo-fishbone`;
    const threads = await facilitatorThreads(facilitator, fishbone);
    await phone.goto(fishbone);
    await expect.poll(() => labelReadable(phone, 'Call bell out of reach'), WAIT).toBe(true);
    const text = 'Night staff say the sensors are often switched off.';
    await showSidePanel(phone);
    await sendComment(phone, 'Comment on the whole item', text);
    await expect.poll(() => threads.innerText(), WAIT).toContain(text);
    expect(await scrollsSideways(phone)).toBe(false);
    expect(await axeViolations(phone)).toEqual([]);
    if (SHOTS)
      await phone.screenshot({ path: `${SHOTS}/fishbone-participant-375.png`, fullPage: true });

    // The demo board is finished and locked: the facilitator opens a new one for notes.
    const { item } = await apiAs<{ item: { id: string } }>(
      workspace.url,
      facilitatorApi,
      'POST',
      `/api/labs/${DEMO_LAB.id}/items`,
      { kind: 'workshop', title: 'What helps at night?' },
    );
    const board = `${workspace.url}/items/${item.id}`;
    await facilitator.goto(board);
    await phone.goto(board);
    const note = 'A night light by every bed';
    const box = phone.getByLabel(/^Your note/);
    await box.waitFor(WAIT);
    await box.tap();
    await box.fill(note);
    await phone.getByRole('button', { name: 'Add note' }).tap();
    await facilitator.locator('.workshop__note', { hasText: note }).waitFor(WAIT);
    await expect.poll(() => labelReadable(phone, note), WAIT).toBe(true);
    expect(await scrollsSideways(phone)).toBe(false);
    expect(await axeViolations(phone)).toEqual([]);
    expect(await axeViolations(facilitator)).toEqual([]);
    if (SHOTS)
      await phone.screenshot({ path: `${SHOTS}/board-participant-375.png`, fullPage: true });
    await phone.context().close();
  });
});
