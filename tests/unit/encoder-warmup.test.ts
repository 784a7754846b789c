/**
 * The encoder warm-up waits its delay after listening, asks before each of its
 * encodings whether a document has been opened, and stands down for good once one has,
 * so that it never delays real work. The delay runs on Vitest's fake clock; the turns
 * of the event loop are real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { START_DELAY_MS, warmUpEncoder } from '../../server/sync/encoder-warmup';

/** Lets `turns` turns of the event loop pass (the warm-up takes one encoding a turn). */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('the encoder warm-up', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits its delay, then runs its twenty encodings while no document has been opened, one a turn', async () => {
    let asked = 0;
    const warmUp = warmUpEncoder(() => {
      asked += 1;
      return false;
    });
    await turns(5);
    expect(asked).toBe(0);
    vi.advanceTimersByTime(START_DELAY_MS);
    await turns(2);
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThan(20);
    await turns(40);
    expect(asked).toBe(20);
    warmUp.stop();
  });

  it('stands down once a document has been opened, and does not start again', async () => {
    let asked = 0;
    let serving = false;
    const warmUp = warmUpEncoder(() => {
      asked += 1;
      return serving;
    });
    vi.advanceTimersByTime(START_DELAY_MS);
    await turns(3);
    serving = true;
    const before = asked;
    await turns(5);
    expect(asked).toBe(before + 1);
    serving = false;
    await turns(30);
    expect(asked).toBe(before + 1);
    warmUp.stop();
  });

  it('does nothing more once stopped', async () => {
    let asked = 0;
    const warmUp = warmUpEncoder(() => {
      asked += 1;
      return false;
    });
    warmUp.stop();
    vi.advanceTimersByTime(START_DELAY_MS);
    await turns(30);
    expect(asked).toBe(0);
  });
});
