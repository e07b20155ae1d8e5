/**
 * The modules consoles 4.19 to 4.22 share with plugins: `sharedPluginModules` in the console's
 * `packages/console-dynamic-plugin-sdk/src/shared-modules/shared-modules-meta.ts` (the same 11
 * on release-4.19 to release-4.22). Console 4.22 adds `@openshift/dynamic-plugin-sdk` and its
 * PatternFly 6.4; no console shares react-dom. The one list that the shell's share scopes, its
 * browser tests and the bench's sandbox use.
 */
export const CONSOLE_SHARED_MODULES = [
  '@openshift-console/dynamic-plugin-sdk',
  '@openshift-console/dynamic-plugin-sdk-internal',
  '@patternfly/react-topology',
  'react',
  'react-i18next',
  'react-redux',
  'react-router',
  'react-router-dom',
  'react-router-dom-v5-compat',
  'redux',
  'redux-thunk',
] as const;

/** The one of them that is not published, so the shell cannot provide it (the plugin never imports it). */
export const UNPUBLISHED_SHARED_MODULE = '@openshift-console/dynamic-plugin-sdk-internal';

/** What the shell provides of the console's shared modules: all but the unpublished one. */
export const SHELL_SHARED_MODULES = CONSOLE_SHARED_MODULES.filter(
  (name) => name !== UNPUBLISHED_SHARED_MODULE,
);

/** What console 4.22 shares besides them (and PatternFly). */
export const CONSOLE_422_EXTRA_SHARED_MODULES = ['@openshift/dynamic-plugin-sdk'] as const;
