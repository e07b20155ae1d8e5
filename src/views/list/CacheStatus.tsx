import * as React from 'react';
import { Label } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { CacheRowData } from './cache-rows';

/** Readiness of a cache's pods as a label; the health probe refines this on the details page. */
const CacheStatus: React.FC<{ row: CacheRowData }> = ({ row }) => {
  const { t } = usePipCacheTranslation();
  if (row.replicas === 0) {
    return (
      <Label color="grey" data-test="pipcache-status">
        {t('Scaled to zero')}
      </Label>
    );
  }
  if (row.readyReplicas >= row.replicas) {
    return (
      <Label color="green" data-test="pipcache-status">
        {t('Ready')}
      </Label>
    );
  }
  return (
    <Label color="blue" data-test="pipcache-status">
      {t('Starting')}
    </Label>
  );
};

export default CacheStatus;
