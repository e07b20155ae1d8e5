// The builds group of the model. Code outside this folder imports the group through this
// index; modules inside it import each other directly. Add a line for each new module.
export * from './build-defaults';
export * from './build-use';
export * from './buildconfig-patch';
export * from './snippets';
