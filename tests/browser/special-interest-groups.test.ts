/**
 * Special interest groups in the browser: a nurse starts a group on a topic, a doctor
 * on a phone finds it and joins, and both co-edit its shared notes live from their own
 * browser contexts, each seeing the other's words; the list and the group's page pass
 * axe at 1280 and 375 pixels wide.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  addAccount,
  axeViolations,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const notes = (page: Page) => page.getByRole('textbox', { name: 'The group’s shared notes' });
/** The notes' text without the other people's caret labels. */
const notesText = (page: Page) =>
  notes(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
    return copy.innerText;
  });

describe('special interest groups in the browser', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let nurse: Page;
  let doctor: Page;
  let groupPath = '';

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    const lab = { labId: workspace.labId, role: 'participant' } as const;
    const nia = await addAccount(meta, 'Nia Nurse', hash, lab);
    const dev = await addAccount(meta, 'Dev Doctor', hash, lab);
    await meta.updateLab(workspace.labId, { topic: 'falls' });
    browser = await launchBrowser();
    nurse = await (
      await signedInContext(browser, workspace.url, nia, { viewport: { width: 1280, height: 900 } })
    ).newPage();
    doctor = await (
      await signedInContext(browser, workspace.url, dev, { viewport: { width: 375, height: 800 } })
    ).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('a nurse starts a group from the frame’s Groups link', async () => {
    await nurse.goto(`${workspace.url}/`);
    await nurse.getByRole('link', { name: 'Groups', exact: true }).click();
    await nurse.getByRole('heading', { name: 'Special interest groups' }).waitFor();
    await nurse.getByRole('heading', { name: 'Start a group' }).waitFor();
    expect(await axeViolations(nurse)).toEqual([]);
    await nurse.getByLabel('Group name').fill('Falls prevention network');
    await nurse.getByLabel('Topic', { exact: true }).fill('Falls');
    await nurse.getByLabel('What the group is for').fill('What works on wards at night.');
    await nurse.getByRole('button', { name: 'Start the group' }).click();
    await nurse.getByRole('heading', { name: /Falls prevention network/ }).waitFor();
    groupPath = new URL(nurse.url()).pathname;
    expect(groupPath).toMatch(/^\/groups\/[A-Za-z0-9_-]+$/);
    // The lab on the topic is in the group's feed, linked for its member.
    await nurse.getByTestId('topic-labs').getByRole('link', { name: /Lab / }).waitFor();
    await notes(nurse).waitFor();
    expect(await axeViolations(nurse)).toEqual([]);
  });

  it('a doctor on a phone joins, and both edit the notes live', async () => {
    await doctor.goto(`${workspace.url}/groups`);
    await doctor
      .getByTestId('group-list')
      .getByRole('link', { name: 'Falls prevention network' })
      .click();
    await doctor.getByRole('button', { name: 'Join this group' }).waitFor();
    // Not a member yet: no notes editor, no member list.
    expect(await notes(doctor).count()).toBe(0);
    expect(await axeViolations(doctor)).toEqual([]);
    await doctor.getByRole('button', { name: 'Join this group' }).click();
    await notes(doctor).waitFor();
    await expect
      .poll(() => doctor.getByTestId('group-members').innerText())
      .toContain('Dev Doctor');

    await notes(nurse).click();
    await nurse.keyboard.type('Night checks every hour.');
    await expect.poll(() => notesText(doctor)).toContain('Night checks every hour.');
    await notes(doctor).click();
    await doctor.keyboard.press('Control+End');
    await doctor.keyboard.press('Enter');
    await doctor.keyboard.type('Low beds on every bay.');
    await expect.poll(() => notesText(nurse)).toContain('Low beds on every bay.');
    await expect.poll(() => doctor.getByTestId('save-status').innerText()).toContain('Saved');
    expect(await axeViolations(doctor)).toEqual([]);
    // The nurse's page at 375 px too.
    await nurse.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(nurse)).toEqual([]);
    await doctor.setViewportSize({ width: 1280, height: 900 });
    await doctor.goto(`${workspace.url}/groups`);
    await doctor.getByTestId('group-list').waitFor();
    expect(await axeViolations(doctor)).toEqual([]);
  });
});
