import * as React from 'react';
import { Alert, AlertActionCloseButton, AlertGroup } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';

interface ClosableProps {
  closeModal: () => void;
}

const LoadFailureAlert: React.FC<ClosableProps & { message: string }> = ({
  closeModal,
  message,
}) => {
  const { t } = usePipCacheTranslation();
  return (
    <AlertGroup isToast isLiveRegion>
      <Alert
        variant="danger"
        title={t('The dialog could not be loaded ({{message}}). Reload the page and try again.', {
          message,
        })}
        actionClose={<AlertActionCloseButton onClose={closeModal} />}
        data-test="pipcache-dialog-load-error"
      />
    </AlertGroup>
  );
};

/** Shows what went wrong when a dialog's code cannot be fetched, instead of a blank failure. */
class LoadFailureBoundary extends React.Component<
  ClosableProps & { children: React.ReactNode },
  { message?: string }
> {
  override state: { message?: string } = {};

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    return this.state.message === undefined ? (
      this.props.children
    ) : (
      <LoadFailureAlert closeModal={this.props.closeModal} message={this.state.message} />
    );
  }
}

/**
 * A dialog for the console's `useModal` whose code (and the PatternFly it renders, Modal and
 * its focus trap among them) is fetched only when the dialog is opened, so that no page pays
 * for dialogs its user never opens. Nothing shows while the code arrives (it is small); a
 * failure to fetch it shows an alert that says so.
 */
export const lazyModal = <P extends ClosableProps>(
  load: () => Promise<{ default: React.ComponentType<P> }>,
): React.FC<P> => {
  // React.lazy's own typing of the props loses P's generic shape; the component is P's.
  const Dialog = React.lazy(load) as unknown as React.ComponentType<P>;
  const LazyDialog: React.FC<P> = (props) => (
    <LoadFailureBoundary closeModal={props.closeModal}>
      <React.Suspense fallback={null}>
        <Dialog {...props} />
      </React.Suspense>
    </LoadFailureBoundary>
  );
  return LazyDialog;
};
