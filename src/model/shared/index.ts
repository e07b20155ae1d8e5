// The shared group of the model. Code outside this folder imports the group through this
// index; modules inside it import each other directly. Add a line for each new module.
export * from './contract';
export * from './i18n';
export * from './k8s-types';
export * from './kinds';
export * from './namespaces';
export * from './pod-security';
export * from './quantity';
export * from './record-schema';
export * from './urls';
