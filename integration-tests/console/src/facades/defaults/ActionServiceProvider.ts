// The console module `.../ActionServiceProvider` has a default export; the SDK reads it.
export * from '../index';
export { ActionServiceProvider as default } from '../index';
