// The console module `.../PaneBody` has a default export; the SDK reads it.
export * from '../index';
export { PaneBody as default } from '../index';
