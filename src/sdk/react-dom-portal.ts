/**
 * What the production build uses in place of `react-dom`. No console shares react-dom with
 * plugins, so on consoles 4.19–4.21 (which share no PatternFly either) PatternFly's fallback
 * copy would pull a whole second react-dom (some 40 KB gzip) into every page, only for
 * `createPortal`, the one react-dom API PatternFly calls. A portal is plain data that the
 * console's own react-dom renders: this builds the same object react-dom 17 and 18 build.
 * The plugin never renders a root of its own; tests use the real react-dom.
 */
import type { ReactNode, ReactPortal } from 'react';

/** The symbol React tags portals with (`Symbol.for('react.portal')` in React 17 and 18). */
const REACT_PORTAL_TYPE = Symbol.for('react.portal');

/** `ReactDOM.createPortal`: renders `children` into `container`, like react-dom's. */
export const createPortal = (
  children: ReactNode,
  container: Element | DocumentFragment,
  key?: string | null,
): ReactPortal => {
  // react-dom refuses anything but an element, document or fragment; so does this.
  const type = (container as Node | null)?.nodeType;
  if (type !== 1 && type !== 9 && type !== 11)
    throw new Error('Target container is not a DOM element.');
  return {
    $$typeof: REACT_PORTAL_TYPE,
    key: key ?? null,
    children,
    containerInfo: container,
    implementation: null,
  } as unknown as ReactPortal;
};

export default { createPortal };
