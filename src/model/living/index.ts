// The living group of the model. Code outside this folder imports the group through this
// index; modules inside it import each other directly. Add a line for each new module.
export * from './cache-resources';
export * from './cache-view';
export * from './cluster-disk';
export * from './dashboard-health';
export * from './devpi-status';
export * from './disk';
export * from './edit-patches';
export * from './edit-values';
export * from './emptying';
export * from './health';
export * from './index-config';
export * from './instance';
export * from './object-patches';
export * from './pod-restarts';
export * from './route-split-patches';
export * from './upgrade';
