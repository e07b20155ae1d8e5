// The migration group of the model. Code outside this folder imports the group through this
// index; modules inside it import each other directly. Add a line for each new module.
export * from './migration';
export * from './migration-plan';
export * from './migration-record';
export * from './template-caches';
