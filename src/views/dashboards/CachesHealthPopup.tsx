import * as React from 'react';
import { Link } from 'react-router-dom-v5-compat';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import {
  cacheDeploymentStates,
  cachesDashboardHealth,
  type DeploymentCacheState,
} from '../../model/dashboard-health';
import { detailsPagePath, listPagePath } from '../../model/namespaces';
import { StatusPopupItem, StatusPopupSection, type WatchK8sResults } from '../../sdk/console-sdk';
import type { CachesHealthResources } from './caches-health';

/** How many caches the popup names; the list page has the rest. */
const SHOWN = 8;

/**
 * The popup of the Status card item: the summary, then the caches by name with their state,
 * problems first, and a link to the list of every project's caches. The console passes the
 * watch results of `cachesHealthResources` as props.
 */
const CachesHealthPopup: React.FC<Partial<WatchK8sResults<CachesHealthResources>>> = ({
  deployments,
}) => {
  const { t } = usePipCacheTranslation();
  const result = deployments ?? { data: [], loaded: false, loadError: undefined };
  const health = cachesDashboardHealth({ deployments: result }, t);
  const states = result.loadError ? [] : cacheDeploymentStates(result);
  const words: Record<DeploymentCacheState, string> = {
    ready: t('Ready'),
    'not-ready': t('Not ready'),
    degraded: t('Degraded'),
    failed: t('Failed'),
    'scaled-down': t('Scaled to zero'),
  };
  return (
    <div data-test="pipcache-health-popup">
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
      <Link to={listPagePath(undefined)} data-test="pipcache-health-popup-all">
        {t('View all pip caches')}
      </Link>
    </div>
  );
};

export default CachesHealthPopup;
