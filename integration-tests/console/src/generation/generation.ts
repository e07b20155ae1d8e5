import type * as React from 'react';
import type { Middleware } from 'redux';

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
  /** The console release this generation imitates, as `SERVER_FLAGS.consoleVersion` says it. */
  consoleVersion: string;
  render: (element: React.ReactElement, container: Element) => void;
  Router: React.FC<{ children?: React.ReactNode }>;
  ShellRoutes: React.FC<{ routes: ShellRoute[]; notFound: React.ReactNode }>;
  thunk: Middleware;
  /** Loader options that answer the plugin's `@console/pluginAPI` dependency. */
  dependencyOptions: Record<string, Record<string, string>>;
}
