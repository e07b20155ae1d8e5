import type * as React from 'react';
import type { Middleware } from 'redux';

/** The console generations the shell imitates. */
export type GenerationName = '4.19' | '4.21' | '4.22';

/** One route of the shell's page table, in the console's `console.page/route` terms. */
export interface ShellRoute {
  key: string;
  path: string;
  /** Matches only the whole path; otherwise the path is a prefix. */
  exact?: boolean;
  element: React.ReactNode;
}

/**
 * What differs between the console generations the shell imitates: how React renders, which
 * router API the console itself uses, the redux-thunk export and the loader's option for the
 * plugin's `@console/pluginAPI` dependency. Everything else in the shell is shared.
 */
export interface ShellGeneration {
  /** The generation's name: 4.19 (standing for 4.19 and 4.20), 4.21 or 4.22. */
  name: GenerationName;
  /** The console release this generation imitates, as `SERVER_FLAGS.consoleVersion` says it. */
  consoleVersion: string;
  /**
   * How the console hands plugins their shared modules: `console-object` (4.19, 4.20: one
   * plain share-scope object built by the console's own loader, the same for every plugin),
   * `module-federation` (4.21: webpack's share scope, into which plugins add their fallbacks)
   * or `dynamic-plugin-sdk` (4.22: webpack's share scope, plugins loaded by the
   * `@openshift/dynamic-plugin-sdk` PluginStore, older builds through a legacy callback).
   */
  loader: 'console-object' | 'module-federation' | 'dynamic-plugin-sdk';
  /** Whether BuildConfig pages render `console.action/resource-provider` actions (4.21+). */
  buildConfigActions: boolean;
  /** What the console does to webpack's share scope after initialising it, if anything. */
  patchShareScope?: (scope: Record<string, unknown>) => void;
  render: (element: React.ReactElement, container: Element) => void;
  Router: React.FC<{ children?: React.ReactNode }>;
  ShellRoutes: React.FC<{ routes: ShellRoute[]; notFound: React.ReactNode }>;
  thunk: Middleware;
  /** Loader options that answer the plugin's `@console/pluginAPI` dependency. */
  dependencyOptions: Record<string, Record<string, string>>;
}
