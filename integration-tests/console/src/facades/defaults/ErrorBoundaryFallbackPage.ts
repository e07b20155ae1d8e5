// The console module `.../ErrorBoundaryFallbackPage` has a default export; the SDK reads it.
export * from '../index';
export { ErrorBoundaryFallbackPage as default } from '../index';
