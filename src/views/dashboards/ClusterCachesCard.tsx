import * as React from 'react';
import { Alert, Card, CardBody, CardHeader, CardTitle, Spinner } from '@patternfly/react-core';
import { Link } from 'react-router-dom-v5-compat';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { ALL_NAMESPACES_KEY, listPagePath, accessOf, KINDS } from '../../model/shared';
import { useAccessReview, useActiveNamespace } from '../../sdk/console-sdk';
import ClusterCachesTable from './ClusterCachesTable';

/**
 * The card of the cluster Overview's PipCache tab: every cache of every project when the user
 * may list Deployments cluster-wide (the all-projects list page needs the same), otherwise a
 * sentence that says so and where to look instead.
 */
const ClusterCachesCard: React.FC = () => {
  const { t } = usePipCacheTranslation();
  const [activeNamespace] = useActiveNamespace();
  const [allowed, checking] = useAccessReview(accessOf(KINDS.Deployment, 'list'));
  let body: React.ReactNode;
  if (checking) {
    body = <Spinner size="lg" aria-label={t('Loading pip caches')} />;
  } else if (allowed) {
    body = <ClusterCachesTable />;
  } else {
    body = (
      <Alert
        variant="info"
        isInline
        isPlain
        title={t('You may see pip caches only in your own projects')}
        data-test="pipcache-cluster-limited"
      >
        {t(
          'Listing the caches of every project needs permission to list Deployments in all projects, which your account does not have.',
        )}{' '}
        {activeNamespace && activeNamespace !== ALL_NAMESPACES_KEY && (
          <Link to={listPagePath(activeNamespace)} data-test="pipcache-cluster-project-link">
            {t('Pip caches in {{project}}', { project: activeNamespace })}
          </Link>
        )}
      </Alert>
    );
  }
  return (
    <Card data-test="pipcache-cluster-card">
      <CardHeader>
        <CardTitle>{t('Pip caches in the cluster')}</CardTitle>
      </CardHeader>
      <CardBody>{body}</CardBody>
    </Card>
  );
};

export default ClusterCachesCard;
