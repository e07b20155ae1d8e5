import * as React from 'react';
import {
  Breadcrumb,
  BreadcrumbItem,
  EmptyState,
  EmptyStateBody,
  Flex,
  FlexItem,
  PageSection,
  Spinner,
  Stack,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from '@patternfly/react-core';
import { Link, useNavigate, useParams } from 'react-router-dom-v5-compat';
import { toK8sErrorInfo } from '../../api/k8s-error';
import GuardedButton from '../../components/GuardedButton';
import { toCacheInstance } from '../../hooks/useCacheInstances';
import { useBuildsAvailable } from '../../hooks/useBuildsAvailable';
import { useCacheObjects } from '../../hooks/useCacheObjects';
import { useCacheAccess } from '../../hooks/useCacheAccess';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { cacheKey, cacheRoutes } from '../../model/cache-resources';
import type { EditableObjects } from '../../model/edit-patches';
import type { BuildConfig, Deployment, PersistentVolumeClaim } from '../../model/k8s-types';
import { claimFromValues, readEmptying } from '../../model/emptying';
import { listPagePath } from '../../model/namespaces';
import { DocumentTitle, useModal } from '../../sdk/console-sdk';
import CacheUseButtons from '../buildconfig/CacheUseButtons';
import CacheOverview from './CacheOverview';
import CacheSettings from './CacheSettings';
import { lazyModal, lazyPart } from '../../components/lazy-load';

// Each dialog's code loads when it is opened, not with the page.
const ChangeHostModal = lazyModal(() => import('./ChangeHostModal'));
const DeleteCacheModal = lazyModal(() => import('./DeleteCacheModal'));
const EditCacheModal = lazyModal(() => import('./EditCacheModal'));
// The Objects tab is the page's only table (PatternFly's Table and its menus), which consoles
// 4.19–4.21 do not share: it loads when the tab is first opened (the Tabs mount on enter).
const CacheObjectsList = lazyPart(() => import('./CacheObjectsList'));

/** A cache's page: its state, URLs, client snippets, objects and actions. */
const PipCacheDetailsPage: React.FC = () => {
  const { t } = usePipCacheTranslation();
  const { ns = '', name = '' } = useParams<{ ns: string; name: string }>();
  const navigate = useNavigate();
  const launchModal = useModal();
  const { caches, loaded, loadError } = useCacheObjects(ns, name);
  const cache = caches.get(cacheKey(ns, name));
  const { route, filesRoute } = React.useMemo(() => (cache ? cacheRoutes(cache) : {}), [cache]);
  const buildConfig = cache?.buildConfigs[0] as BuildConfig | undefined;
  const instance = React.useMemo(() => (cache ? toCacheInstance(cache) : undefined), [cache]);
  const editable = React.useMemo((): EditableObjects | undefined => {
    const deployment = cache?.deployments[0] as Deployment | undefined;
    return deployment ? { deployment, buildConfig, route, filesRoute } : undefined;
  }, [cache, buildConfig, route, filesRoute]);
  const [activeTab, setActiveTab] = React.useState<string | number>('overview');
  const access = useCacheAccess(ns, name);
  const buildsAvailable = useBuildsAvailable();

  if (!loaded && !loadError) {
    return (
      <PageSection>
        <Spinner aria-label={t('Loading pip cache')} />
      </PageSection>
    );
  }
  if (!cache || !instance || !editable) {
    return (
      <PageSection>
        <EmptyState
          titleText={t('Pip cache {{name}} not found', { name })}
          headingLevel="h1"
          data-test="pipcache-not-found"
        >
          <EmptyStateBody>
            {loadError
              ? t('The cache could not be loaded: {{message}}', {
                  message: toK8sErrorInfo(loadError).message,
                })
              : t(
                  'There is no pip cache called {{name}} in project {{namespace}}. It may have been deleted.',
                  {
                    name,
                    namespace: ns,
                  },
                )}
          </EmptyStateBody>
        </EmptyState>
      </PageSection>
    );
  }

  const openDelete = () =>
    launchModal(DeleteCacheModal, {
      namespace: ns,
      name,
      onDeleted: () => navigate(listPagePath(ns)),
    });

  return (
    <>
      <DocumentTitle>{t('Pip cache {{name}}', { name })}</DocumentTitle>
      <PageSection data-test="pipcache-details-page">
        <Stack hasGutter>
          {/* The way back to the list, as on the console's own details pages. */}
          <Breadcrumb aria-label={t('Breadcrumb')} data-test="pipcache-breadcrumb">
            <BreadcrumbItem
              render={({ className }) => (
                <Link to={listPagePath(ns)} className={className}>
                  {t('Pip caches')}
                </Link>
              )}
            />
            <BreadcrumbItem isActive>{t('Pip cache details')}</BreadcrumbItem>
          </Breadcrumb>
          <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
            <FlexItem>
              <Title headingLevel="h1" data-test="pipcache-details-title">
                {name}
              </Title>
            </FlexItem>
            <FlexItem>
              <Flex>
                {/* Without the Build capability the overview says why there is nothing to use. */}
                {buildsAvailable && (
                  <FlexItem>
                    <CacheUseButtons
                      cache={instance}
                      allowed={access.checking || access.canUseInBuilds}
                    />
                  </FlexItem>
                )}
                <FlexItem>
                  <GuardedButton
                    allowed={access.checking || access.canDelete}
                    reason={t('You may not delete pip caches in project {{namespace}}.', {
                      namespace: ns,
                    })}
                    variant="secondary"
                    isDanger
                    onClick={openDelete}
                    data-test="pipcache-delete"
                  >
                    {t('Delete pip cache')}
                  </GuardedButton>
                </FlexItem>
              </Flex>
            </FlexItem>
          </Flex>
        </Stack>
      </PageSection>
      <PageSection>
        <Tabs
          activeKey={activeTab}
          onSelect={(_event, key) => setActiveTab(key)}
          aria-label={t('Pip cache sections')}
          mountOnEnter
        >
          <Tab eventKey="overview" title={<TabTitleText>{t('Overview')}</TabTitleText>}>
            <PageSection>
              <CacheOverview
                instance={instance}
                hasService={cache.services.length > 0}
                buildConfig={buildConfig}
                pvc={
                  (cache.pvcs[0] as PersistentVolumeClaim | undefined) ??
                  // While an emptying is unfinished the claim may be gone: its record keeps it,
                  // or, when the record is damaged, the cache's values describe it.
                  readEmptying(editable.deployment)?.claim ??
                  claimFromValues(editable.deployment, instance.values)
                }
                deployment={editable.deployment}
                routes={{ route, filesRoute }}
                onChangeHost={
                  route &&
                  instance.externalUrlProblem &&
                  instance.externalUrlProblem.reason !== 'Pending' &&
                  instance.externalUrlProblem.reason !== 'FilesRouteMissing'
                    ? () => launchModal(ChangeHostModal, { route, filesRoute })
                    : undefined
                }
                onEdit={() => launchModal(EditCacheModal, { namespace: ns, objects: editable })}
              />
            </PageSection>
            <PageSection>
              <CacheSettings
                objects={editable}
                values={instance.values}
                onEdit={() => launchModal(EditCacheModal, { namespace: ns, objects: editable })}
              />
            </PageSection>
          </Tab>
          <Tab
            eventKey="objects"
            title={<TabTitleText>{t('Objects')}</TabTitleText>}
            data-test="pipcache-tab-objects"
          >
            <CacheObjectsList cache={cache} />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
};

export default PipCacheDetailsPage;
