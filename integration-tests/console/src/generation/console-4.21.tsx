import type { ShellGeneration } from './generation';
import { react17 } from './react17';

/**
 * Console 4.21: the same React 17, routers, react-i18next 11 and redux as 4.19, but the
 * console builds its share scope with webpack's ModuleFederationPlugin (still without
 * PatternFly core) and renders `console.action/resource-provider` actions on BuildConfigs.
 */
export const generation: ShellGeneration = {
  ...react17,
  name: '4.21',
  consoleVersion: '4.21.0',
  loader: 'module-federation',
  buildConfigActions: true,
  dependencyOptions: { fixedPluginDependencyResolutions: { '@console/pluginAPI': '4.21.0' } },
};
