// The console module `.../Timestamp` has a default export; the SDK reads it.
export * from '../index';
export { Timestamp as default } from '../index';
