import * as React from 'react';
import {
  Alert,
  PageSection,
  SearchInput,
  Spinner,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { useNavigate, useParams } from 'react-router-dom-v5-compat';
import { toK8sErrorInfo } from '../../api/k8s-error';
import BuildsUnavailableNote from '../../components/BuildsUnavailableNote';
import { useAllProjectsAccess } from '../../hooks/useAllProjectsAccess';
import { useBuildsAvailable } from '../../hooks/useBuildsAvailable';
import { useCacheInstances } from '../../hooks/useCacheInstances';
import { useVolumeUse } from '../../hooks/useVolumeUse';
import { diskUseOf, cacheHealth } from '../../model/living';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { createPagePath, listPagePath, KINDS } from '../../model/shared';
import {
  DocumentTitle,
  ListPageCreateLink,
  ListPageHeader,
  NamespaceBar,
} from '../../sdk/console-sdk';
import CacheEmptyState from './CacheEmptyState';
import CacheTable from './CacheTable';
import TemplateCachesAlert from './TemplateCachesAlert';
import {
  filterAndSortRows,
  reuseUnchangedRows,
  type CacheRowData,
  type KeptRows,
  type SortColumn,
  type SortDirection,
} from './cache-rows';

/**
 * The PipCache list: one row per cache (anchor Deployment) in the project of the URL, or in
 * every project at `/pipcache/all-namespaces`.
 */
const PipCacheListPage: React.FC = () => {
  const { t } = usePipCacheTranslation();
  const { ns } = useParams<{ ns?: string }>();
  const navigate = useNavigate();
  const access = useAllProjectsAccess(!ns);
  // Without the right to list every project, "All projects" shows one project the user has.
  const shownNamespace = ns ?? access.project;
  // Nothing is watched cluster-wide before the access review says the user may.
  const watchable =
    Boolean(ns) || (!access.checking && (access.clusterWide || Boolean(access.project)));
  const { instances, loaded, loadError } = useCacheInstances(shownNamespace, undefined, watchable);
  const buildsAvailable = useBuildsAvailable();
  // Disk figures come per project (two queries a minute), so only for a one-project list.
  const volumes = useVolumeUse(ns);
  const [filter, setFilter] = React.useState('');
  const [sortColumn, setSortColumn] = React.useState<SortColumn>('name');
  const [sortDirection, setSortDirection] = React.useState<SortDirection>('asc');

  // The list shows readiness-based health: probing hundreds of caches from a list would
  // load the API server for little gain; the details page asks devpi itself.
  // Rows of unchanged caches keep their identity across watch events (see CacheTableRow).
  const keptRows = React.useRef<KeptRows>(new Map());
  const allRows = React.useMemo((): CacheRowData[] => {
    const { rows: reused, kept } = reuseUnchangedRows(
      keptRows.current,
      instances.map((instance) => ({
        key: `${instance.namespace}/${instance.name}`,
        name: instance.name,
        namespace: instance.namespace,
        created: instance.created ?? '',
        health: cacheHealth(instance, { kind: 'skipped', why: 'not-yet' }, t),
        instance,
        disk: diskUseOf(`${instance.name}-data`, volumes.used, volumes.capacity),
      })),
    );
    keptRows.current = kept;
    return reused;
  }, [instances, t, volumes.used, volumes.capacity]);
  const rows = React.useMemo(
    () => filterAndSortRows(allRows, filter, sortColumn, sortDirection),
    [allRows, filter, sortColumn, sortDirection],
  );

  let body: React.ReactNode;
  if (!ns && !access.checking && !access.clusterWide && !access.project) {
    body = (
      <Alert
        variant="info"
        isInline
        title={t('You may not list pip caches in every project')}
        data-test="pipcache-all-projects-limited"
      >
        {t('You are not a member of any project yet. Create a project or ask to be added to one.')}
      </Alert>
    );
  } else if (loadError) {
    const info = toK8sErrorInfo(loadError);
    // A 403 is a missing role, not a broken cluster: say which role helps.
    const forbidden = info.code === 403;
    body = (
      <Alert
        variant={forbidden ? 'warning' : 'danger'}
        isInline
        title={
          forbidden
            ? ns
              ? t('You may not list the pip caches of project {{namespace}}.', { namespace: ns })
              : t('You may not list pip caches in every project.')
            : t('Could not load pip caches')
        }
        data-test="pipcache-load-error"
      >
        {forbidden
          ? t(
              'Ask an administrator of the project for the view role there, or choose another project. The cluster said: {{message}}',
              { message: info.message },
            )
          : info.message}
      </Alert>
    );
  } else if (!loaded || access.checking) {
    body = <Spinner aria-label={t('Loading pip caches')} />;
  } else if (allRows.length === 0) {
    body = <CacheEmptyState namespace={shownNamespace} />;
  } else {
    body = (
      <>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <SearchInput
                placeholder={t('Filter by name')}
                aria-label={t('Filter by name')}
                value={filter}
                onChange={(_event, value) => setFilter(value)}
                onClear={() => setFilter('')}
                data-test="pipcache-filter"
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <CacheTable
          rows={rows}
          showNamespace={!shownNamespace}
          sortColumn={sortColumn}
          sortDirection={sortDirection}
          onSort={(column, direction) => {
            setSortColumn(column);
            setSortDirection(direction);
          }}
        />
      </>
    );
  }

  return (
    <>
      <DocumentTitle>{t('Pip caches')}</DocumentTitle>
      <NamespaceBar onNamespaceChange={(namespace) => navigate(listPagePath(namespace))} />
      <ListPageHeader title={t('Pip caches')}>
        {ns && (
          <ListPageCreateLink
            to={createPagePath(ns)}
            createAccessReview={{
              groupVersionKind: KINDS.Deployment.gvk,
              namespace: ns,
            }}
          >
            <span data-test="pipcache-create-button">{t('Create pip cache')}</span>
          </ListPageCreateLink>
        )}
      </ListPageHeader>
      <PageSection data-test="pipcache-list-page">
        {access.project && (
          <Alert
            variant="info"
            isInline
            title={t('You may not list pip caches in every project')}
            data-test="pipcache-all-projects-limited"
          >
            {t(
              'Seeing caches across all projects needs the right to list Deployments in the whole cluster. This page shows project {{project}}; choose another in the project menu above.',
              { project: access.project },
            )}
          </Alert>
        )}
        {watchable && <TemplateCachesAlert namespace={shownNamespace} />}
        {!buildsAvailable && <BuildsUnavailableNote />}
        {body}
      </PageSection>
    </>
  );
};

export default PipCacheListPage;
