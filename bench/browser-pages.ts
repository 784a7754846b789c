/**
 * What the browser benchmarks share: a context signed in with a session cookie
 * (1280×800), and the frame times a page draws while something moves, sampled
 * with requestAnimationFrame inside the page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export async function signedIn(
  browser: Browser,
  base: string,
  cookie: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const at = cookie.indexOf('=');
  await context.addCookies([
    {
      name: cookie.slice(0, at),
      value: cookie.slice(at + 1),
      url: base,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
  return context;
}

/** Starts recording the time between frames, up to `limit` frames. */
export async function startFrames(page: Page, limit = 400): Promise<void> {
  // A string, not a function: tsx's name-keeping helper does not exist in the page.
  await page.evaluate(`(() => {
    const frames = [];
    window.frames_ = frames;
    let last = performance.now();
    function tick(now) {
      frames.push(now - last);
      last = now;
      if (frames.length < ${limit}) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
}

/** The frame times recorded since `startFrames`, without the first and last (not the gesture's). */
export function readFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { frames_: number[] }).frames_.slice(1, -1));
}

/** A frame longer than this missed at least one display refresh (16.7 ms at 60 Hz). */
const MISSED_REFRESH_MS = 20;

/** How many of `frames` missed a refresh. */
export function missedRefreshes(frames: readonly number[]): number {
  return frames.filter((ms) => ms > MISSED_REFRESH_MS).length;
}

/**
 * "N of M (P%) missed a refresh": finer than the p95, which moves in whole frames (16.7,
 * 33.3, 50 ms), so one more slow frame in twenty can double it.
 */
export function missedRefreshesText(missed: number, frames: number): string {
  const share = frames === 0 ? 0 : (100 * missed) / frames;
  return `${missed} of ${frames} (${share.toFixed(1)}%) missed a refresh`;
}
