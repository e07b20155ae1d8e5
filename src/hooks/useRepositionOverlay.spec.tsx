import * as React from 'react';
import { act, render } from '@testing-library/react';
import { useRepositionOverlay } from './useRepositionOverlay';

/** A ResizeObserver the test drives: jsdom has none and does no layout. */
class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.instances.push(this);
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  unobserve() {}
  disconnect() {
    this.disconnected = true;
  }
  /** What the browser does after layout: one report per change of size, the first on observe. */
  report() {
    this.callback([], this as unknown as ResizeObserver);
  }
}

/** The one observer the hook made. */
const onlyObserver = (): FakeResizeObserver => {
  expect(FakeResizeObserver.instances).toHaveLength(1);
  const [observer] = FakeResizeObserver.instances;
  if (!observer) throw new Error('no ResizeObserver was made');
  return observer;
};

const Popup: React.FC = () => {
  const root = React.useRef<HTMLDivElement>(null);
  useRepositionOverlay(root);
  return <div ref={root} data-test="popup" />;
};

describe('useRepositionOverlay', () => {
  const original = globalThis.ResizeObserver;
  let resizes: number;
  const onResize = () => {
    resizes += 1;
  };
  beforeEach(() => {
    FakeResizeObserver.instances = [];
    globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
    resizes = 0;
    window.addEventListener('resize', onResize);
  });
  afterEach(() => {
    globalThis.ResizeObserver = original;
    window.removeEventListener('resize', onResize);
  });

  it('re-positions the popover for the size the popup mounts with', () => {
    // The popover opened around a spinner while the popup's code loaded: the popup's first size
    // is not the one the popover was positioned for.
    const { getByTestId } = render(<Popup />);
    const observer = onlyObserver();
    expect(observer.observed).toEqual([getByTestId('popup')]);
    act(() => observer.report());
    expect(resizes).toBe(1);
  });

  it('re-positions it again each time the popup changes size', () => {
    render(<Popup />);
    const observer = onlyObserver();
    act(() => observer.report());
    act(() => observer.report());
    act(() => observer.report());
    expect(resizes).toBe(3);
  });

  it('stops watching when the popup closes', () => {
    const { unmount } = render(<Popup />);
    const observer = onlyObserver();
    unmount();
    expect(observer.disconnected).toBe(true);
  });
});
