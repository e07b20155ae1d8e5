// The console module `.../useActivePerspective` has a default export; the SDK reads it.
export * from '../index';
export { useActivePerspective as default } from '../index';
