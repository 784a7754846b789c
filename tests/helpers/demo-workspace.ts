/**
 * A workspace with the demo lab, whose owner is also the demo lab's facilitator, and
 * an export from it as bytes: what the tests of the demo's diagrams and their
 * exports share.
 */
import { expect } from 'vitest';
import { DEMO_LAB } from '../../shared/demo';
import { addMember, TEST_PASSWORD } from './accounts';
import { startTestWorkspace, type TestWorkspace } from './workspace';

export async function startDemoWorkspace(): Promise<TestWorkspace> {
  const workspace = await startTestWorkspace({
    config: {
      demo: true,
      admin: { email: 'demo.admin@example.org', password: TEST_PASSWORD, name: 'Dana Admin' },
    },
  });
  await addMember(workspace.server.meta, DEMO_LAB.id, workspace.owner.user, 'facilitator');
  return workspace;
}

/** The bytes of an export at `route` (`/api/…/export?format=…`), as the owner; it must be 200. */
export async function exportBytes(workspace: TestWorkspace, route: string): Promise<Buffer> {
  const response = await fetch(`${workspace.url}${route}`, {
    headers: { authorization: `Bearer ${workspace.owner.token}` },
  });
  expect(response.status, route).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}
