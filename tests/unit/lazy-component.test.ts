/**
 * A lazily loaded component whose code has come is drawn on its first render, with
 * no Suspense fallback in between: React's own `lazy` suspends once even then, and
 * React holds back what a fallback stood in for, which left pages idle for up to
 * 300 ms after their code had arrived. Until the code comes, it suspends as `lazy`
 * does, and a failed fetch is tried again on the next prefetch.
 */
import { type ComponentType, createElement, lazy, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyComponent } from '../../client/lib/lazy-component';

function Greeting({ name }: { name: string }) {
  return createElement('p', null, `Hello ${name}`);
}

const drawn = (component: ComponentType<{ name: string }>) =>
  renderToString(
    createElement(Suspense, { fallback: 'Loading…' }, createElement(component, { name: 'Ada' })),
  );

describe('lazily loaded components', () => {
  it('are drawn at once once their code has come', async () => {
    const greeting = lazyComponent(async () => Greeting);
    // Before its code comes it suspends: the fallback is drawn instead.
    expect(drawn(greeting.Component)).toContain('Loading…');
    expect(drawn(greeting.Component)).not.toContain('Hello');
    await greeting.prefetch();
    expect(drawn(greeting.Component)).toBe('<!--$--><p>Hello Ada</p><!--/$-->');
    // React's own `lazy` would still show its fallback first, after the module has come.
    const plain = lazy(async () => ({ default: Greeting }));
    expect(drawn(plain)).toContain('Loading…');
  });

  it('try again after a failed fetch', async () => {
    let attempts = 0;
    const flaky = lazyComponent(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return Greeting;
    });
    await expect(flaky.prefetch()).rejects.toThrow('offline');
    await flaky.prefetch();
    expect(attempts).toBe(2);
    expect(drawn(flaky.Component)).toBe('<!--$--><p>Hello Ada</p><!--/$-->');
  });
});
