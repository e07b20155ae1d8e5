import * as React from 'react';
import { Alert } from '@patternfly/react-core';

/** Shows a plugin component's crash where it happened, like the console's error boundary. */
export class ErrorBoundary extends React.Component<
  { children?: React.ReactNode },
  { error?: Error }
> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error('A plugin component crashed:', error);
  }

  override render() {
    return this.state.error ? (
      <Alert variant="danger" title="Oh no! Something went wrong." data-test="error-boundary">
        {this.state.error.message}
      </Alert>
    ) : (
      this.props.children
    );
  }
}
