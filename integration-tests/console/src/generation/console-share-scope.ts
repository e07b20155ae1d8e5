/**
 * The share scope of consoles 4.19 and 4.20: one plain object that the console's own plugin
 * loader builds once and hands to every plugin's `container.init`. Each of the 11 modules the
 * console shares sits under the version key `*`, already loaded and eager, and resolves to the
 * console's own instance. There is no PatternFly core in it, and no react-dom: a plugin's
 * `init` adds its own fallbacks (its PatternFly dynamic modules) to this same object.
 *
 * `@openshift-console/dynamic-plugin-sdk-internal` is the one module of the 11 that the shell
 * cannot provide (it is not published); the plugin does not import it.
 */
type Factory = () => unknown;

interface ScopeEntry {
  get: () => Promise<Factory>;
  eager: boolean;
  loaded: 1;
}

export type PlainShareScope = Record<string, Record<string, ScopeEntry>>;

const entry = (load: () => Promise<unknown>): Record<string, ScopeEntry> => ({
  '*': { get: () => load().then((module) => () => module), eager: true, loaded: 1 },
});

/** The modules console 4.19/4.20 share with plugins, as the console's loader lists them. */
export const CONSOLE_419_SHARED_MODULES = [
  '@openshift-console/dynamic-plugin-sdk',
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

/** Builds the plain share-scope object of console 4.19/4.20 from the shell's own modules. */
export const consoleShareScope = (): PlainShareScope => ({
  '@openshift-console/dynamic-plugin-sdk': entry(
    () => import('@openshift-console/dynamic-plugin-sdk'),
  ),
  '@patternfly/react-topology': entry(() => import('@patternfly/react-topology')),
  react: entry(() => import('react')),
  'react-i18next': entry(() => import('react-i18next')),
  'react-redux': entry(() => import('react-redux')),
  'react-router': entry(() => import('react-router')),
  'react-router-dom': entry(() => import('react-router-dom')),
  'react-router-dom-v5-compat': entry(() => import('react-router-dom-v5-compat')),
  redux: entry(() => import('redux')),
  'redux-thunk': entry(() => import('redux-thunk')),
});
