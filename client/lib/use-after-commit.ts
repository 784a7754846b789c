/**
 * Runs a task once React has committed the render that a state change asked for:
 * for moving the keyboard focus to an element that the change draws.
 *
 * Each task waits for its own render, not just the next effect. When the machine
 * is busy, an effect from an earlier render can still be pending as a key is
 * pressed; React runs it before the new render, against the old page. A task run
 * there would focus an element about to be removed, and focus would fall to the
 * page itself.
 */
import { useCallback, useEffect, useState } from 'react';

/** Tasks, each tied to the render number that its request asked React for. */
export class CommitQueue {
  private queued: Array<{ readonly task: () => void; readonly render: number }> = [];
  private requested = 0;

  /** Queues `task`; returns the render number to ask React for. */
  request(task: () => void): number {
    this.requested += 1;
    this.queued.push({ task, render: this.requested });
    return this.requested;
  }

  /** Runs, once, every task whose render is `rendered` or earlier; later ones keep waiting. */
  runDue(rendered: number): void {
    const due = this.queued.filter((q) => q.render <= rendered);
    if (due.length === 0) return;
    this.queued = this.queued.filter((q) => q.render > rendered);
    for (const { task } of due) task();
  }
}

export function useAfterCommit(): (task: () => void) => void {
  const [queue] = useState(() => new CommitQueue());
  const [rendered, setRendered] = useState(0);
  // Every commit's effect sees the render number of its own render.
  useEffect(() => queue.runDue(rendered));
  return useCallback((task: () => void) => setRendered(queue.request(task)), [queue]);
}
