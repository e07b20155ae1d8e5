// The console module `.../VirtualizedTable` has a default export; the SDK reads it.
export * from '../index';
export { VirtualizedTable as default } from '../index';
