import * as React from 'react';
import { Divider, DropdownItem } from '@patternfly/react-core';
import { useBuildsAvailable } from '../../hooks/useBuildsAvailable';
import { useCacheAccess } from '../../hooks/useCacheAccess';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { CacheInstance } from '../../model/living';

interface CacheRowMenuItemsProps {
  cache: CacheInstance;
  onUseInBuilds: () => void;
  onDelete: () => void;
}

/**
 * The items of a row's menu. Mounted only while the menu is open, so that a list of 200 caches
 * asks the API server what the user may do only for the cache whose menu they open.
 */
const CacheRowMenuItems: React.FC<CacheRowMenuItemsProps> = ({
  cache,
  onUseInBuilds,
  onDelete,
}) => {
  const { t } = usePipCacheTranslation();
  const access = useCacheAccess(cache.namespace, cache.name);
  // Without the Build capability there are no BuildConfigs to use the cache in.
  const buildsAvailable = useBuildsAvailable();
  const guard = (allowed: boolean, reason: string) =>
    access.checking || allowed
      ? { isAriaDisabled: access.checking }
      : { isAriaDisabled: true, tooltipProps: { content: reason } };
  return (
    <>
      {buildsAvailable && (
        <>
          <DropdownItem
            onClick={onUseInBuilds}
            {...guard(
              access.canUseInBuilds,
              t('You may not change BuildConfigs in project {{namespace}}.', {
                namespace: cache.namespace,
              }),
            )}
            data-test="pipcache-row-use"
          >
            {t('Use in builds…')}
          </DropdownItem>
          <Divider component="li" />
        </>
      )}
      <DropdownItem
        isDanger
        onClick={onDelete}
        {...guard(
          access.canDelete,
          t('You may not delete pip caches in project {{namespace}}.', {
            namespace: cache.namespace,
          }),
        )}
        data-test="pipcache-row-delete"
      >
        {t('Delete pip cache')}
      </DropdownItem>
    </>
  );
};

export default CacheRowMenuItems;
