// The console module `.../ListPageCreate` has a default export; the SDK reads it.
export * from '../index';
export { ListPageCreate as default } from '../index';
