// The console module `.../Dashboard` has a default export; the SDK reads it.
export * from '../index';
export { Overview as default } from '../index';
