import * as React from 'react';
import { createRoot } from 'react-dom/client';
// In the 4.22 build webpack resolves this module to react-router 7, as console 4.22 aliases
// react-router-dom-v5-compat to it; its v6 types describe the part of the API used here.
import { BrowserRouter, Route, Routes } from 'react-router-dom-v5-compat';
import * as reduxThunk from 'redux-thunk';
import type { Middleware } from 'redux';
import type { ShellGeneration } from './generation';

/**
 * Console 4.22: React 18's `createRoot`, react-router 7 alone (routes ranked, not matched in
 * order; a prefix route ends in `/*`), redux-thunk 3 (a named export only) and
 * `@openshift/dynamic-plugin-sdk` 8's `customDependencyResolutions`.
 */
export const generation: ShellGeneration = {
  name: '4.22',
  consoleVersion: '4.22.0',
  loader: 'dynamic-plugin-sdk',
  buildConfigActions: true,
  // Console 4.22 serves both old router names from react-router 7's entry in the share scope.
  patchShareScope: (scope) => {
    scope['react-router-dom'] = scope['react-router'];
    scope['react-router-dom-v5-compat'] = scope['react-router'];
  },
  render: (element, container) => createRoot(container).render(element),
  Router: ({ children }) => <BrowserRouter>{children}</BrowserRouter>,
  ShellRoutes: ({ routes, notFound }) => (
    <Routes>
      {routes.map((route) => (
        <Route
          key={route.key}
          path={route.exact ? route.path : `${route.path.replace(/\/$/, '')}/*`}
          element={route.element}
        />
      ))}
      <Route path="*" element={notFound} />
    </Routes>
  ),
  // redux-thunk 3 has no default export; the root's type package is redux-thunk 2's.
  thunk: (reduxThunk as unknown as { thunk: Middleware }).thunk,
  dependencyOptions: { customDependencyResolutions: { '@console/pluginAPI': '4.22.0' } },
};
