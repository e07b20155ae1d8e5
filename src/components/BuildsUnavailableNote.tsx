import * as React from 'react';
import { Alert } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';

/**
 * Said where a user looks for build actions on a cluster without the Build capability (flag
 * OPENSHIFT_BUILDCONFIG false): the build parts are hidden, not broken.
 */
const BuildsUnavailableNote: React.FC<{ children?: React.ReactNode }> = ({ children }) => {
  const { t } = usePipCacheTranslation();
  return (
    <Alert
      variant="info"
      isInline
      isPlain
      title={t('Builds are unavailable on this cluster')}
      data-test="pipcache-builds-unavailable"
    >
      {children ??
        t(
          'The cluster has no Build capability, so building cache images, starting builds and using a cache in BuildConfigs are not offered. Caches run from an existing image and serve pip clients as usual.',
        )}
    </Alert>
  );
};

export default BuildsUnavailableNote;
