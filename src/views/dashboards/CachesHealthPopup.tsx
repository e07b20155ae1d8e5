import * as React from 'react';
import { Link } from 'react-router-dom-v5-compat';
import { useClusterVolumeUse } from '../../hooks/useClusterVolumeUse';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { useRepositionOverlay } from '../../hooks/useRepositionOverlay';
import {
  dataClaimOf,
  fillingCaches,
  fillingSummary,
  projectsWithClaims,
  cacheDeploymentStates,
  cachesDashboardHealth,
  type DeploymentCacheState,
} from '../../model/living';
import { detailsPagePath, listPagePath } from '../../model/shared';
import { StatusPopupItem, StatusPopupSection, type WatchK8sResults } from '../../sdk/console-sdk';
import type { CachesHealthResources } from './caches-health';

/** How many caches the popup names; the list page has the rest. */
const SHOWN = 8;

/**
 * The popup of the Status card item: the summary, then the caches by name with their state,
 * problems first, the caches whose volumes are filling up, and a link to the list of every
 * project's caches. The console passes the watch results of `cachesHealthResources` as props;
 * the disk figures are read while the popup is open, as the handler sees only watched objects.
 */
const CachesHealthPopup: React.FC<Partial<WatchK8sResults<CachesHealthResources>>> = ({
  deployments,
}) => {
  const { t } = usePipCacheTranslation();
  const root = React.useRef<HTMLDivElement>(null);
  // The disk figures arrive after the popover opened and make it larger.
  useRepositionOverlay(root);
  const result = deployments ?? { data: [], loaded: false, loadError: undefined };
  const health = cachesDashboardHealth({ deployments: result }, t);
  const states = result.loadError ? [] : cacheDeploymentStates(result);
  const caches = React.useMemo(
    () =>
      result.loaded && !result.loadError && Array.isArray(result.data)
        ? result.data.map((deployment) => ({
            namespace: deployment.metadata?.namespace ?? '',
            name: deployment.metadata?.name ?? '',
            claim: dataClaimOf(deployment),
          }))
        : undefined,
    [result.loaded, result.loadError, result.data],
  );
  const volumes = useClusterVolumeUse(
    React.useMemo(() => (caches ? projectsWithClaims(caches) : undefined), [caches]),
  );
  const filling = caches ? fillingCaches(caches, volumes.used, volumes.capacity) : [];
  const diskSummary = fillingSummary(filling, t);
  const words: Record<DeploymentCacheState, string> = {
    ready: t('Ready'),
    'not-ready': t('Not ready'),
    degraded: t('Degraded'),
    failed: t('Failed'),
    'scaled-down': t('Scaled to zero'),
  };
  return (
    <div ref={root} data-test="pipcache-health-popup">
      <p data-test="pipcache-health-popup-summary">{health.message}</p>
      {states.length > 0 && (
        <StatusPopupSection firstColumn={t('Pip cache')} secondColumn={t('Status')}>
          {states.slice(0, SHOWN).map((cache) => (
            <StatusPopupItem key={`${cache.namespace}/${cache.name}`} value={words[cache.state]}>
              <Link
                to={detailsPagePath(cache.namespace, cache.name)}
                data-test="pipcache-health-popup-cache"
              >
                {`${cache.namespace}/${cache.name}`}
              </Link>
            </StatusPopupItem>
          ))}
        </StatusPopupSection>
      )}
      {states.length > SHOWN && <p>{t('And {{more}} more.', { more: states.length - SHOWN })}</p>}
      {diskSummary && (
        <div data-test="pipcache-health-popup-disk">
          <p data-test="pipcache-health-popup-disk-summary">{diskSummary}</p>
          <StatusPopupSection firstColumn={t('Filling up')} secondColumn={t('Disk')}>
            {filling.slice(0, SHOWN).map((cache) => (
              <StatusPopupItem
                key={`${cache.namespace}/${cache.name}`}
                value={t('{{percent}}% full', { percent: Math.round(cache.use.ratio * 100) })}
              >
                <Link
                  to={detailsPagePath(cache.namespace, cache.name)}
                  data-test="pipcache-health-popup-filling"
                  data-level={cache.use.level}
                >
                  {`${cache.namespace}/${cache.name}`}
                </Link>
              </StatusPopupItem>
            ))}
          </StatusPopupSection>
        </div>
      )}
      {volumes.error && (
        <p data-test="pipcache-health-popup-disk-unknown">
          {t('Disk use unknown: the cluster monitoring (Prometheus) did not answer.')}
        </p>
      )}
      <Link to={listPagePath(undefined)} data-test="pipcache-health-popup-all">
        {t('View all pip caches')}
      </Link>
    </div>
  );
};

export default CachesHealthPopup;
