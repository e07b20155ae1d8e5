// The console module `.../ListPageHeader` has a default export; the SDK reads it.
export * from '../index';
export { ListPageHeader as default } from '../index';
