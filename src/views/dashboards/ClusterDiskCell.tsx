import * as React from 'react';
import type { ClusterVolumeUseResult } from '../../hooks/useClusterVolumeUse';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import DiskUseLabel from '../../components/DiskUseLabel';
import { claimKey, diskUseOf, type CacheInstance } from '../../model/living';

/**
 * How full one cache's volume is, in the cluster tab's table: a warning label from 80%, the
 * share below that, and a word when there is no figure (ephemeral, not read, unknown).
 */
const ClusterDiskCell: React.FC<{ instance: CacheInstance; volumes: ClusterVolumeUseResult }> = ({
  instance,
  volumes,
}) => {
  const { t } = usePipCacheTranslation();
  if (instance.storage.kind === 'ephemeral') return <>{t('Ephemeral')}</>;
  if (!volumes.loaded) return null;
  const notRead =
    volumes.error ||
    volumes.skipped.includes(instance.namespace) ||
    volumes.failed.some((failure) => failure.namespace === instance.namespace);
  if (notRead) return <>{t('Unknown')}</>;
  const use = diskUseOf(
    claimKey(instance.namespace, `${instance.name}-data`),
    volumes.used,
    volumes.capacity,
  );
  if (!use) return <>{t('No figure yet')}</>;
  if (use.level !== 'ok') return <DiskUseLabel use={use} />;
  return <>{t('{{percent}}% full', { percent: Math.round(use.ratio * 100) })}</>;
};

export default ClusterDiskCell;
