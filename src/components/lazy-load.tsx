import * as React from 'react';
import { Alert, AlertActionCloseButton, AlertGroup, Spinner } from '@patternfly/react-core';
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

/** Shows what went wrong when code cannot be fetched, instead of a blank failure. */
class LoadFailureBoundary extends React.Component<
  { failure: (message: string) => React.ReactNode; children: React.ReactNode },
  { message?: string }
> {
  override state: { message?: string } = {};

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    return this.state.message === undefined
      ? this.props.children
      : this.props.failure(this.state.message);
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
    <LoadFailureBoundary
      failure={(message) => <LoadFailureAlert closeModal={props.closeModal} message={message} />}
    >
      <React.Suspense fallback={null}>
        <Dialog {...props} />
      </React.Suspense>
    </LoadFailureBoundary>
  );
  return LazyDialog;
};

const PartFailureAlert: React.FC<{ message: string }> = ({ message }) => {
  const { t } = usePipCacheTranslation();
  return (
    <Alert
      variant="danger"
      isInline
      title={t(
        'This part of the page could not be loaded ({{message}}). Reload the page and try again.',
        {
          message,
        },
      )}
      data-test="pipcache-part-load-error"
    />
  );
};

const PartSpinner: React.FC = () => {
  const { t } = usePipCacheTranslation();
  return <Spinner size="lg" aria-label={t('Loading')} />;
};

/**
 * A component whose code loads when it is first rendered, for an exposed module whose other
 * parts render on pages that do not need this one (the cluster Overview's PipCache card in
 * the module the Project Overview loads). A spinner shows while the code arrives.
 */
export const lazyPart = <P extends object>(
  load: () => Promise<{ default: React.ComponentType<P> }>,
): React.FC<P> => {
  const Part = React.lazy(load) as unknown as React.ComponentType<P>;
  const LazyPart: React.FC<P> = (props) => (
    <LoadFailureBoundary failure={(message) => <PartFailureAlert message={message} />}>
      <React.Suspense fallback={<PartSpinner />}>
        <Part {...props} />
      </React.Suspense>
    </LoadFailureBoundary>
  );
  return LazyPart;
};
