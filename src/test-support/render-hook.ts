import * as React from 'react';
import { render } from '@testing-library/react';

/** What `renderHook` gives a test: the hook's latest value and ways to re-render and unmount. */
export interface RenderedHook<P, R> {
  /** The value the hook returned at its latest render. */
  readonly current: R;
  /** Every value the hook returned, render by render. */
  readonly all: R[];
  rerender: (props: P) => void;
  unmount: () => void;
}

/**
 * Renders `hook` in a small component, as @testing-library/react 13's renderHook does (this
 * project's React 17 keeps @testing-library/react 12, which has none).
 */
export const renderHook = <P, R>(hook: (props: P) => R, props: NoInfer<P>): RenderedHook<P, R> => {
  const all: R[] = [];
  let latest: { value: R } | undefined;
  const Probe = ({ hookProps }: { hookProps: P }) => {
    latest = { value: hook(hookProps) };
    all.push(latest.value);
    return null;
  };
  const rendered = render(React.createElement(Probe, { hookProps: props }));
  return {
    get current(): R {
      if (!latest) throw new Error('The hook has not rendered.');
      return latest.value;
    },
    all,
    rerender: (next) => rendered.rerender(React.createElement(Probe, { hookProps: next })),
    unmount: () => rendered.unmount(),
  };
};
