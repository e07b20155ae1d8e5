import * as React from 'react';
import { Flex, FlexItem, List, ListItem } from '@patternfly/react-core';
import { Link } from 'react-router-dom-v5-compat';
import { toK8sErrorInfo } from '../../api/k8s-error';
import CopyPipSettingsButton from '../../components/CopyPipSettingsButton';
import DiskUseLabel from '../../components/DiskUseLabel';
import HealthLabel from '../../components/HealthLabel';
import { useCacheInstances } from '../../hooks/useCacheInstances';
import { useVolumeUse } from '../../hooks/useVolumeUse';
import { diskUseOf, cacheHealth } from '../../model/living';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { createPagePath, listPagePath } from '../../model/shared';
import {
  InventoryItem,
  InventoryItemBody,
  InventoryItemLoading,
  InventoryItemTitle,
} from '../../sdk/console-sdk';
import CacheUrlsButton from './CacheUrlsButton';

/**
 * The caches of a project in the Inventory card of its Project Overview: each with its status,
 * a popover from its name with both index URLs, and a copy button for the in-cluster pip
 * settings, or a line that offers to create one. It
 * loads on every Project Overview, so it uses only modules the plugin already shares.
 */
const ProjectCachesInventoryItem: React.FC<{ projectName: string }> = ({ projectName }) => {
  const { t } = usePipCacheTranslation();
  const { instances, loaded, loadError } = useCacheInstances(projectName);
  // One project: two metrics queries a minute, whatever the number of caches.
  const volumes = useVolumeUse(projectName);
  // Readiness-based health, as on the list page: the overview does not probe devpi.
  const rows = React.useMemo(
    () =>
      [...instances]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((instance) => ({
          instance,
          health: cacheHealth(instance, { kind: 'skipped', why: 'not-yet' }, t),
          disk: diskUseOf(`${instance.name}-data`, volumes.used, volumes.capacity),
        })),
    [instances, t, volumes.used, volumes.capacity],
  );

  const link = (
    <Link to={listPagePath(projectName)} data-test="pipcache-inventory-link">
      {loaded && !loadError ? t('Pip caches ({{count}})', { count: rows.length }) : t('Pip caches')}
    </Link>
  );

  let body: React.ReactNode = null;
  if (loadError) {
    body = (
      <span data-test="pipcache-inventory-error">
        {t('Could not load pip caches: {{message}}', {
          message: toK8sErrorInfo(loadError).message,
        })}
      </span>
    );
  } else if (loaded && rows.length === 0) {
    body = (
      <span data-test="pipcache-inventory-empty">
        {t('None yet.')}{' '}
        <Link to={createPagePath(projectName)} data-test="pipcache-inventory-create">
          {t('Create pip cache')}
        </Link>
      </span>
    );
  }

  return (
    <div data-test="pipcache-inventory">
      <InventoryItem>
        <InventoryItemTitle>
          {!loaded && !loadError ? (
            <>
              <InventoryItemLoading />
              {link}
            </>
          ) : (
            link
          )}
        </InventoryItemTitle>
        <InventoryItemBody>{body}</InventoryItemBody>
      </InventoryItem>
      {!loadError && rows.length > 0 && (
        <List isPlain aria-label={t('Pip caches')}>
          {rows.map(({ instance, health, disk }) => (
            <ListItem
              key={instance.name}
              data-test="pipcache-inventory-cache"
              data-test-name={instance.name}
            >
              {/* The Inventory card is a narrow column: the labels may wrap under the name,
                  while the copy button keeps its place at the end of the first line. */}
              <Flex
                flexWrap={{ default: 'nowrap' }}
                justifyContent={{ default: 'justifyContentSpaceBetween' }}
                alignItems={{ default: 'alignItemsFlexStart' }}
              >
                <Flex
                  spaceItems={{ default: 'spaceItemsSm' }}
                  alignItems={{ default: 'alignItemsCenter' }}
                >
                  <FlexItem>
                    <CacheUrlsButton instance={instance} />
                  </FlexItem>
                  <FlexItem>
                    <HealthLabel health={health} />
                  </FlexItem>
                  {disk && disk.level !== 'ok' && (
                    <FlexItem>
                      <DiskUseLabel use={disk} />
                    </FlexItem>
                  )}
                </Flex>
                <FlexItem>
                  <CopyPipSettingsButton instance={instance} />
                </FlexItem>
              </Flex>
            </ListItem>
          ))}
        </List>
      )}
    </div>
  );
};

export default ProjectCachesInventoryItem;
