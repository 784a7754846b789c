/**
 * The encoder warm-up uses idle time only: it waits its delay after listening, asks
 * before each of its encodings whether a document is open, waits while one is (looking
 * again at its interval) and goes on once none is. The delays run on Vitest's fake
 * clock; the turns of the event loop are real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BUSY_RECHECK_MS,
  SAMPLE_CLIENT_ID_BOUNDS,
  START_DELAY_MS,
  sampleDocument,
  warmUpEncoder,
} from '../../server/sync/encoder-warmup';

/** Lets `count` turns of the event loop pass (the warm-up takes one encoding a turn). */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A warm-up whose `busy` answers `state.busy`, counting its questions and its encodings. */
function watchedWarmUp() {
  const state = { busy: false, asked: 0, encodings: 0 };
  const warmUp = warmUpEncoder(() => {
    state.asked += 1;
    // Asked before each encoding: a "no" is an encoding about to run.
    if (!state.busy) state.encodings += 1;
    return state.busy;
  });
  return { state, warmUp };
}

describe('the encoder warm-up', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits its delay, then runs its twenty encodings while nothing is open, one a turn', async () => {
    const { state, warmUp } = watchedWarmUp();
    await turns(5);
    expect(state.asked).toBe(0);
    vi.advanceTimersByTime(START_DELAY_MS);
    await turns(2);
    expect(state.encodings).toBeGreaterThan(0);
    expect(state.encodings).toBeLessThan(20);
    await turns(40);
    expect(state.encodings).toBe(20);
    warmUp.stop();
  });

  it('waits while a document is open, and goes on where it was once none is', async () => {
    const { state, warmUp } = watchedWarmUp();
    vi.advanceTimersByTime(START_DELAY_MS);
    await turns(3);
    state.busy = true;
    await turns(2);
    const done = state.encodings;
    const asked = state.asked;
    // While busy it asks once an interval, and encodes nothing.
    await turns(10);
    expect(state.asked).toBe(asked);
    vi.advanceTimersByTime(BUSY_RECHECK_MS);
    await turns(2);
    expect(state.asked).toBe(asked + 1);
    expect(state.encodings).toBe(done);
    state.busy = false;
    vi.advanceTimersByTime(BUSY_RECHECK_MS);
    await turns(40);
    expect(state.encodings).toBe(20);
    warmUp.stop();
  });

  it('does nothing more once stopped, waiting or not', async () => {
    const { state, warmUp } = watchedWarmUp();
    warmUp.stop();
    vi.advanceTimersByTime(START_DELAY_MS);
    await turns(30);
    expect(state.asked).toBe(0);

    const busy = watchedWarmUp();
    busy.state.busy = true;
    vi.advanceTimersByTime(START_DELAY_MS);
    await turns(2);
    const asked = busy.state.asked;
    busy.warmUp.stop();
    busy.state.busy = false;
    vi.advanceTimersByTime(BUSY_RECHECK_MS * 3);
    await turns(30);
    expect(busy.state.asked).toBe(asked);
  });

  it('encodes a sample written by a client with a small id and one with a large id', () => {
    // Real documents' random 32-bit ids fall on both sides of the engine's small-integer
    // range; a sample with one kind only leaves code that is compiled again for the other.
    for (let sample = 0; sample < 5; sample++) {
      const doc = sampleDocument();
      const ids = [...doc.store.clients.keys()];
      expect(ids).toHaveLength(2);
      expect(ids.some((id) => id < SAMPLE_CLIENT_ID_BOUNDS.small)).toBe(true);
      expect(ids.some((id) => id >= SAMPLE_CLIENT_ID_BOUNDS.large)).toBe(true);
      expect(doc.getText('text').toString()).toContain('dolor sit amet');
      doc.destroy();
    }
  });
});
