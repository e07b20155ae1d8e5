import * as React from 'react';

/**
 * Keeps the console's popover around `ref` in place when its content changes size after it
 * opened (figures that arrive later). PatternFly's popper positions a popover when it opens and
 * again only on scroll or window resize, so a popover that grew stays where it was, partly off
 * the page, and jumps on the next click: the link under the pointer moves away between press and
 * release and the click is lost. A resize event makes it position itself for its new size.
 */
export const useRepositionOverlay = (ref: React.RefObject<HTMLElement>): void => {
  React.useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    let initial = true;
    const observer = new ResizeObserver(() => {
      // The first report is the size the popover opened with, which it is positioned for.
      if (initial) {
        initial = false;
        return;
      }
      window.dispatchEvent(new Event('resize'));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
};
