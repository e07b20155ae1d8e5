import * as React from 'react';
import { Alert, Button, Tooltip } from '@patternfly/react-core';
import { toK8sErrorInfo } from '../../api/k8s-error';
import { startBuild } from '../../api/start-build';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { type BuildConfig, accessOf, KINDS } from '../../model/shared';
import { useAccessReview } from '../../sdk/console-sdk';

/** Starts a new image build of the cache's BuildConfig; the build's phase shows from the watch. */
const StartBuildButton: React.FC<{ buildConfig: BuildConfig }> = ({ buildConfig }) => {
  const { t } = usePipCacheTranslation();
  const [allowed, checking] = useAccessReview(
    accessOf(KINDS.BuildConfig, 'create', {
      namespace: buildConfig.metadata.namespace,
      name: buildConfig.metadata.name,
      subresource: 'instantiate',
    }),
  );
  const [starting, setStarting] = React.useState(false);
  const [failure, setFailure] = React.useState<string>();

  const start = async () => {
    setStarting(true);
    setFailure(undefined);
    try {
      await startBuild(buildConfig);
    } catch (caught) {
      setFailure(toK8sErrorInfo(caught).message);
    } finally {
      setStarting(false);
    }
  };

  const button = (
    <Button
      variant="secondary"
      size="sm"
      onClick={() => void start()}
      isLoading={starting}
      isAriaDisabled={checking || !allowed || starting}
      data-test="pipcache-start-build"
    >
      {t('Start build')}
    </Button>
  );
  return (
    <>
      {!checking && !allowed ? (
        <Tooltip content={t('You may not start builds in this project.')}>{button}</Tooltip>
      ) : (
        button
      )}
      {failure && (
        <Alert
          variant="danger"
          isInline
          isPlain
          title={t('The build was not started: {{message}}', { message: failure })}
          data-test="pipcache-start-build-error"
        />
      )}
    </>
  );
};

export default StartBuildButton;
