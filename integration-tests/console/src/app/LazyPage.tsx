import * as React from 'react';
import { Spinner } from '@patternfly/react-core';

/**
 * A `console.page/route` component loaded only when its route matches, as the console's
 * dynamic routes load theirs: a page's exposed module (and its chunks) is fetched when the
 * user opens that page, not when the plugin loads. Load errors reach the nearest ErrorBoundary.
 */
const LazyPage: React.FC<{ load: () => Promise<React.ComponentType> }> = ({ load }) => {
  const [loaded, setLoaded] = React.useState<{ Component?: React.ComponentType; error?: Error }>(
    {},
  );
  React.useEffect(() => {
    let live = true;
    setLoaded({});
    load().then(
      (Component) => live && setLoaded({ Component }),
      (error: unknown) =>
        live && setLoaded({ error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (loaded.error) throw loaded.error;
  const { Component } = loaded;
  return Component ? <Component /> : <Spinner aria-label="Loading page" />;
};

export default LazyPage;
