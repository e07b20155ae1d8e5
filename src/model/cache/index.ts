// The cache group of the model. Code outside this folder imports the group through this
// index; modules inside it import each other directly. Add a line for each new module.
export * from './cache-labels';
export * from './client-policy';
export * from './free-name';
export * from './generated-secrets';
export * from './manifests';
export * from './pep440';
export * from './route-manifests';
export * from './server-causes';
export * from './sizing';
export * from './start-script';
export * from './storage-classes';
export * from './validation';
export * from './value-paths';
export * from './values';
export * from './values-annotation';
export * from './wave-plugin';
export * from './workload-manifests';
