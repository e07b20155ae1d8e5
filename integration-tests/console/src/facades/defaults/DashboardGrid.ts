// The console module `.../DashboardGrid` has a default export; the SDK reads it.
export * from '../index';
export { OverviewGrid as default } from '../index';
