/**
 * Two people on two server processes (one PostgreSQL schema, one Redis) co-edit one
 * item in real browsers: each sees the other's text, caret and name in the presence
 * list, as on one process. The processes run in this test's process, each a whole
 * server on its own port; skipped without PostgreSQL and Redis.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkspaceServer, type WorkspaceServer } from '../../server/app';
import { createMemoryLogger } from '../../server/logger';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { dropSchema, testDatabase, uniqueSchemaName } from '../helpers/postgres';
import { testRedis, uniqueRedisPrefix } from '../helpers/redis';
import {
  makeDataDir,
  startTestWorkspace,
  type TestWorkspace,
  testConfig,
} from '../helpers/workspace';

const DOC = 'browser-two-processes';

const editor = (page: Page) => page.getByRole('textbox', { name: 'Body' });

describe.skipIf(testDatabase === null || testRedis === null)(
  'co-editing through two server processes',
  () => {
    const schema = uniqueSchemaName();
    let first: TestWorkspace;
    let second: WorkspaceServer;
    let secondDir: string;
    let browser: Browser;
    let alice: Page;
    let bob: Page;

    beforeAll(async () => {
      const config = {
        database: { url: testDatabase ?? '', schema },
        redis: { url: testRedis ?? '', prefix: uniqueRedisPrefix() },
      };
      first = await startTestWorkspace({ config });
      // The second process: the same server on the same schema, with no fixtures of its own.
      secondDir = await makeDataDir();
      second = await startWorkspaceServer({
        config: testConfig(secondDir, config),
        logger: createMemoryLogger(),
      });
      const { meta } = first.server;
      const hash = await testPasswordHash();
      const membership = { labId: first.labId, role: 'participant' } as const;
      const aliceAccount: Account = await addAccount(meta, 'Alice Nurse', hash, membership);
      const bobAccount: Account = await addAccount(meta, 'Bob Patient', hash, membership);
      await first.registerDoc(DOC);
      // Made through the first process; the second has them once caught up.
      await second.meta.shared?.catchUp();
      browser = await launchBrowser();
      alice = await (await signedInContext(browser, first.url, aliceAccount)).newPage();
      bob = await (await signedInContext(browser, second.url, bobAccount)).newPage();
      await alice.goto(`${first.url}/items/${DOC}`);
      await bob.goto(`${second.url}/items/${DOC}`);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await second?.close();
      if (secondDir) await rm(secondDir, { recursive: true, force: true });
      await first?.stop();
      await dropSchema(schema);
    });

    it('each sees the other type, with a named caret and in the presence list', async () => {
      await editor(alice).click();
      await alice.keyboard.type('Aim: reduce falls by a third.');
      await expect.poll(() => editor(bob).innerText()).toContain('reduce falls by a third');
      await editor(bob).click();
      await bob.keyboard.press('End');
      await bob.keyboard.press('Enter');
      await bob.keyboard.type('Patients asked for call bells within reach.');
      await expect.poll(() => editor(alice).innerText()).toContain('call bells within reach');
      await expect
        .poll(() => alice.locator('.collab-caret__label').allInnerTexts())
        .toContain('Bob Patient');
      await expect
        .poll(() => bob.locator('.collab-caret__label').allInnerTexts())
        .toContain('Alice Nurse');
      await expect
        .poll(() => bob.getByTestId('presence-list').innerText())
        .toContain('Alice Nurse');
      await expect
        .poll(() => alice.getByTestId('presence-list').innerText())
        .toContain('Bob Patient');
      await expect.poll(() => alice.getByTestId('save-status').innerText()).toBe('Saved');
      await expect.poll(() => bob.getByTestId('save-status').innerText()).toBe('Saved');
    });
  },
);
