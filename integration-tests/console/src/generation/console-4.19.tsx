import { react17 } from './react17';
import type { ShellGeneration } from './generation';

/**
 * Console 4.19 and 4.20: React 17, react-router 5 with v5-compat, redux-thunk 2 (see
 * ./react17), the console's own plugin loader (one plain share-scope object, no webpack
 * module federation in the host) and no BuildConfig actions. The shell keeps its extension
 * store in `@openshift/dynamic-plugin-sdk` 5 (`fixedPluginDependencyResolutions`).
 */
export const generation: ShellGeneration = {
  ...react17,
  name: '4.19',
  consoleVersion: '4.19.0',
  loader: 'console-object',
  buildConfigActions: false,
  dependencyOptions: { fixedPluginDependencyResolutions: { '@console/pluginAPI': '4.19.0' } },
};
