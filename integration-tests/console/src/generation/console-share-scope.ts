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
import { SHELL_SHARED_MODULES } from './console-shared-modules';

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

/**
 * Builds the plain share-scope object of console 4.19/4.20 from the shell's own modules: one
 * entry for each of SHELL_SHARED_MODULES (webpack needs each import written out).
 */
const LOADERS: Record<(typeof SHELL_SHARED_MODULES)[number], () => Promise<unknown>> = {
  '@openshift-console/dynamic-plugin-sdk': () => import('@openshift-console/dynamic-plugin-sdk'),
  '@patternfly/react-topology': () => import('@patternfly/react-topology'),
  react: () => import('react'),
  'react-i18next': () => import('react-i18next'),
  'react-redux': () => import('react-redux'),
  'react-router': () => import('react-router'),
  'react-router-dom': () => import('react-router-dom'),
  'react-router-dom-v5-compat': () => import('react-router-dom-v5-compat'),
  redux: () => import('redux'),
  'redux-thunk': () => import('redux-thunk'),
};

export const consoleShareScope = (): PlainShareScope =>
  Object.fromEntries(SHELL_SHARED_MODULES.map((name) => [name, entry(LOADERS[name])]));
