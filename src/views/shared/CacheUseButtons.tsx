import * as React from 'react';
import { Button, Flex, FlexItem } from '@patternfly/react-core';
import GuardedButton from '../../components/GuardedButton';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { CacheInstance } from '../../model/living';
import { useAccessReview, useModal } from '../../sdk/console-sdk';
import { lazyModal } from '../../components/lazy-load';
import { accessOf, KINDS } from '../../model/shared';

// Each dialog's code loads when it is opened, not with the page.
const ClusterDefaultsModal = lazyModal(() => import('./ClusterDefaultsModal'));
const UseInBuildsModal = lazyModal(() => import('./UseInBuildsModal'));

/**
 * The cache page's ways to put the cache to use: "Use in builds…" for the project's
 * BuildConfigs, and, for those who may change the cluster's build defaults, "Use for every
 * build…". The cluster-wide button is absent rather than disabled for everyone else: it is an
 * admin's tool, and project users have no way to be granted it for one project.
 */
const CacheUseButtons: React.FC<{
  cache: CacheInstance;
  /** Whether the user may change the project's BuildConfigs. */
  allowed: boolean;
}> = ({ cache, allowed }) => {
  const { t } = usePipCacheTranslation();
  const launchModal = useModal();
  const [clusterAdmin] = useAccessReview(
    accessOf(KINDS.ClusterBuild, 'patch', { name: 'cluster' }),
  );
  return (
    <Flex>
      <FlexItem>
        <GuardedButton
          allowed={allowed}
          reason={t('You may not change BuildConfigs in project {{namespace}}.', {
            namespace: cache.namespace,
          })}
          variant="primary"
          onClick={() => launchModal(UseInBuildsModal, { cache })}
          data-test="pipcache-use-in-builds"
        >
          {t('Use in builds…')}
        </GuardedButton>
      </FlexItem>
      {clusterAdmin && (
        <FlexItem>
          <Button
            variant="secondary"
            onClick={() => launchModal(ClusterDefaultsModal, { cache })}
            data-test="pipcache-use-cluster-wide"
          >
            {t('Use for every build…')}
          </Button>
        </FlexItem>
      )}
    </Flex>
  );
};

export default CacheUseButtons;
