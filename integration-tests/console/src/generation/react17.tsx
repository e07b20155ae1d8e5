import * as React from 'react';
import { render } from 'react-dom';
import { BrowserRouter, Route, Switch } from 'react-router-dom';
import { CompatRoute, CompatRouter } from 'react-router-dom-v5-compat';
import thunk from 'redux-thunk';
import type { ShellGeneration } from './generation';

/**
 * What consoles 4.19, 4.20 and 4.21 share: React 17's `render`, react-router 5 with the
 * v5-compat layer (the console's own routes use the v5 API, plugin pages get both APIs through
 * CompatRoute) and redux-thunk 2.
 */
export const react17: Pick<ShellGeneration, 'render' | 'Router' | 'ShellRoutes' | 'thunk'> = {
  render: (element, container) => render(element, container),
  Router: ({ children }) => (
    <BrowserRouter>
      <CompatRouter>{children}</CompatRouter>
    </BrowserRouter>
  ),
  ShellRoutes: ({ routes, notFound }) => (
    <Switch>
      {routes.map((route) => (
        <CompatRoute key={route.key} path={route.path} exact={route.exact}>
          {route.element}
        </CompatRoute>
      ))}
      <Route>{notFound}</Route>
    </Switch>
  ),
  thunk,
};
