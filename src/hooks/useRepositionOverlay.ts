import * as React from 'react';

/**
 * Keeps the console's popover around `ref` in place when its content changes size after it
 * opened. PatternFly's popper positions a popover when it opens and reliably again only on
 * scroll or window resize, so a popover that grew stays where it was, partly off the page, and
 * jumps on the next click: the link under the pointer moves away between press and release and
 * the click is lost. A resize event makes it position itself for its new size.
 *
 * The content's first size counts too: the popover opens around a spinner while the popup's code
 * is fetched (the console's own lazy popup component, then our lazy part), and the popup that
 * replaces it mounts at its full size, so its first size is already not the one the popover was
 * positioned for.
 */
export const useRepositionOverlay = (ref: React.RefObject<HTMLElement>): void => {
  React.useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      window.dispatchEvent(new Event('resize'));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
};
