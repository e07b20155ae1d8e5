import * as React from 'react';
import { Alert } from '@patternfly/react-core';
import { toK8sErrorInfo } from '../../api/k8s-error';
import type { ClusterVolumeUseResult } from '../../hooks/useClusterVolumeUse';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { TENANCY_PROJECT_LIMIT } from '../../model/living';

/**
 * Why some or all disk figures of the cluster tab are missing, and what would bring them:
 * Prometheus not answering, more projects than the page reads one by one, or projects whose
 * metrics the user may not read.
 */
const ClusterDiskAlert: React.FC<{ volumes: ClusterVolumeUseResult }> = ({ volumes }) => {
  const { t } = usePipCacheTranslation();
  if (!volumes.loaded) return null;
  if (volumes.error) {
    return (
      <Alert
        variant="warning"
        isInline
        isPlain
        title={t('Disk use unknown')}
        data-test="pipcache-cluster-disk-unknown"
      >
        {t(
          'The cluster monitoring (Prometheus) did not answer ({{message}}), so a volume filling up is not shown here. Each cache page says how full its volume is once monitoring answers again.',
          { message: volumes.error.message },
        )}
      </Alert>
    );
  }
  if (volumes.skipped.length === 0 && volumes.failed.length === 0) return null;
  return (
    <Alert
      variant="info"
      isInline
      isPlain
      title={t('Disk use of some projects is not shown')}
      data-test="pipcache-cluster-disk-partial"
    >
      {volumes.skipped.length > 0 && (
        <p>
          {t(
            'Without access to the cluster monitoring, the page reads the first {{limit}} projects one by one; not read: {{projects}}. The cluster-monitoring-view role lets it read every project at once.',
            { limit: TENANCY_PROJECT_LIMIT, projects: volumes.skipped.join(', ') },
          )}
        </p>
      )}
      {volumes.failed.map(({ namespace, error }) => (
        <p key={namespace}>
          {t('Could not read the disk use in {{project}}: {{message}}', {
            project: namespace,
            message: toK8sErrorInfo(error).message,
          })}
        </p>
      ))}
    </Alert>
  );
};

export default ClusterDiskAlert;
