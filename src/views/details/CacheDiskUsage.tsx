import * as React from 'react';
import { Flex, Progress, ProgressMeasureLocation } from '@patternfly/react-core';
import GuardedButton from '../../components/GuardedButton';
import type { CacheChangeAccess } from '../../hooks/useCacheChangeAccess';
import { useVolumeUse } from '../../hooks/useVolumeUse';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { diskSentence, diskUseOf } from '../../model/living';
import type { Deployment, PersistentVolumeClaim } from '../../model/shared';
import { useModal } from '../../sdk/console-sdk';
import { lazyModal } from '../../components/lazy-load';

// Each dialog's code loads when it is opened, not with the page.
const EmptyCacheModal = lazyModal(() => import('./EmptyCacheModal'));
const ExpandVolumeModal = lazyModal(() => import('./ExpandVolumeModal'));

const VARIANTS = { ok: undefined, warning: 'warning', critical: 'danger' } as const;

/**
 * How full a persistent cache's volume is, from the kubelet's metrics through the console's
 * Prometheus tenancy API, with a warning from 80% and a way to grow the volume.
 */
const CacheDiskUsage: React.FC<{
  pvc: PersistentVolumeClaim;
  namespace: string;
  /** The cache's Deployment, for emptying. */
  deployment?: Deployment;
  access: CacheChangeAccess;
}> = ({ pvc, namespace, deployment, access }) => {
  const { t } = usePipCacheTranslation();
  const launchModal = useModal();
  const { used, capacity, loaded, error } = useVolumeUse(namespace);
  const claim = pvc.metadata?.name ?? '';
  const use = diskUseOf(claim, used, capacity);

  let figure: React.ReactNode;
  if (!loaded) figure = null;
  else if (error)
    figure = (
      <span data-test="pipcache-disk-unknown">
        {t(
          'Disk use unknown: the cluster monitoring (Prometheus) did not answer ({{message}}). The volume holds at most {{size}}.',
          { message: error.message, size: pvc.spec?.resources?.requests?.storage ?? '' },
        )}
      </span>
    );
  else if (!use)
    figure = (
      <span data-test="pipcache-disk-unknown">
        {t('No figure yet: the kubelet reports a volume only while a running pod mounts it.')}
      </span>
    );
  else
    figure = (
      <>
        {/* No visible title: the row's term already says "Disk use". */}
        <Progress
          value={Math.round(use.ratio * 100)}
          measureLocation={ProgressMeasureLocation.outside}
          variant={VARIANTS[use.level]}
          size="sm"
          aria-label={t('Disk use')}
          data-test="pipcache-disk-progress"
        />
        <span data-test="pipcache-disk-sentence" data-level={use.level}>
          {diskSentence(use, t)}
        </span>
      </>
    );

  return (
    <div data-test="pipcache-disk">
      {figure}
      <Flex spaceItems={{ default: 'spaceItemsMd' }}>
        <GuardedButton
          allowed={access.checking || access.canExpand}
          reason={t('You may not change volume claims in project {{namespace}}.', { namespace })}
          variant="link"
          isInline
          onClick={() => launchModal(ExpandVolumeModal, { pvc })}
          data-test="pipcache-disk-expand"
        >
          {t('Expand the volume…')}
        </GuardedButton>
        {deployment && (
          <GuardedButton
            allowed={access.checking || access.canEmpty}
            reason={t(
              'Emptying scales the cache and replaces its volume claim; you may not do both in project {{namespace}}.',
              { namespace },
            )}
            variant="link"
            isInline
            isDanger
            onClick={() => launchModal(EmptyCacheModal, { deployment, pvc })}
            data-test="pipcache-disk-empty"
          >
            {t('Empty the cache…')}
          </GuardedButton>
        )}
      </Flex>
    </div>
  );
};

export default CacheDiskUsage;
