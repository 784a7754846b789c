/**
 * Focus moves wait for the render their change asked for. A stale effect (from a
 * render committed before the key was pressed, flushed by React just before the
 * new render) must not run them against the old page: that is how a new driver
 * diagram node's label field once lost the focus to the page.
 */
import { describe, expect, it } from 'vitest';
import { CommitQueue } from '../../client/lib/use-after-commit';

describe('CommitQueue', () => {
  it('keeps a task from an effect of an earlier render, and runs it after its own', () => {
    const queue = new CommitQueue();
    const ran: string[] = [];
    const first = queue.request(() => ran.push('select'));
    queue.runDue(first);
    expect(ran).toEqual(['select']);

    const second = queue.request(() => ran.push('focus the new field'));
    queue.runDue(first); // the stale effect, still pending as the key was pressed
    expect(ran).toEqual(['select']);
    queue.runDue(second);
    expect(ran).toEqual(['select', 'focus the new field']);
  });

  it('runs each task once, in the order asked, when one render answers several requests', () => {
    const queue = new CommitQueue();
    const ran: number[] = [];
    queue.request(() => ran.push(1));
    const last = queue.request(() => ran.push(2));
    queue.runDue(last);
    queue.runDue(last);
    expect(ran).toEqual([1, 2]);
  });
});
