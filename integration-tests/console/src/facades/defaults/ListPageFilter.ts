// The console module `.../ListPageFilter` has a default export; the SDK reads it.
export * from '../index';
export { ListPageFilter as default } from '../index';
