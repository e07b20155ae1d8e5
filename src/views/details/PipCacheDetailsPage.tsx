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
import { useBuildsAvailable } from '../../hooks/useBuildsAvailable';
import { useCacheObjects } from '../../hooks/useCacheObjects';
import { useCacheAccess } from '../../hooks/useCacheAccess';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { cacheKey, toCacheView } from '../../model/living';
import { listPagePath } from '../../model/shared';
import { DocumentTitle, useModal } from '../../sdk/console-sdk';
import CacheUseButtons from '../shared/CacheUseButtons';
import CacheOverview from './CacheOverview';
import CacheSettings from './CacheSettings';
import { lazyModal, lazyPart } from '../../components/lazy-load';

// Each dialog's code loads when it is opened, not with the page.
const ChangeHostModal = lazyModal(() => import('./ChangeHostModal'));
const DeleteCacheModal = lazyModal(() => import('../shared/DeleteCacheModal'));
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
  const view = React.useMemo(() => (cache ? toCacheView(cache) : undefined), [cache]);
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
  if (!view) {
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

  const { instance, objects } = view;
  const { route, filesRoute } = objects;
  const openEdit = () => launchModal(EditCacheModal, { namespace: ns, objects });
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
                view={view}
                onChangeHost={
                  route &&
                  instance.externalUrlProblem &&
                  instance.externalUrlProblem.reason !== 'Pending' &&
                  instance.externalUrlProblem.reason !== 'FilesRouteMissing'
                    ? () => launchModal(ChangeHostModal, { route, filesRoute })
                    : undefined
                }
                onEdit={openEdit}
              />
            </PageSection>
            <PageSection>
              <CacheSettings view={view} onEdit={openEdit} />
            </PageSection>
          </Tab>
          <Tab
            eventKey="objects"
            title={<TabTitleText>{t('Objects')}</TabTitleText>}
            data-test="pipcache-tab-objects"
          >
            <CacheObjectsList cache={view.cache} />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
};

export default PipCacheDetailsPage;
