import * as React from 'react';
import {
  Alert,
  Pagination,
  Spinner,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
import { toK8sErrorInfo } from '../../api/k8s-error';
import { useCacheInstances } from '../../hooks/useCacheInstances';
import { useClusterVolumeUse } from '../../hooks/useClusterVolumeUse';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { projectsWithClaims, type HealthStatus, cacheHealth } from '../../model/living';
import ClusterCacheRow from './ClusterCacheRow';
import ClusterDiskAlert from './ClusterDiskAlert';

type StatusFilter = 'all' | 'ready' | 'not-ready';

const PER_PAGE_OPTIONS = [5, 10, 20, 50].map((value) => ({ title: String(value), value }));

/**
 * Every cache of every project, by project and name, with its status, both index URLs, how
 * full its volume is and its pip settings. It shows a page of rows at a time: only the rows on
 * screen ask devpi for their health, so the probes follow the page size, not the cache count.
 */
const ClusterCachesTable: React.FC = () => {
  const { t } = usePipCacheTranslation();
  const { instances, loaded, loadError } = useCacheInstances(undefined);
  const [filter, setFilter] = React.useState<StatusFilter>('all');
  const [page, setPage] = React.useState(1);
  const [perPage, setPerPage] = React.useState(10);
  // What each row found (devpi's answer where it asked), keyed by namespace/name; rows never
  // shown yet count by readiness alone.
  const [statuses, setStatuses] = React.useState<Record<string, HealthStatus>>({});
  const onStatus = React.useCallback(
    (key: string, status: HealthStatus) =>
      setStatuses((known) => (known[key] === status ? known : { ...known, [key]: status })),
    [],
  );
  const sorted = React.useMemo(
    () =>
      [...instances].sort(
        (a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
      ),
    [instances],
  );
  const filtered = React.useMemo(() => {
    if (filter === 'all') return sorted;
    return sorted.filter((instance) => {
      const status =
        statuses[`${instance.namespace}/${instance.name}`] ??
        cacheHealth(instance, { kind: 'skipped', why: 'not-yet' }, t).status;
      return (status === 'ready') === (filter === 'ready');
    });
  }, [sorted, filter, statuses, t]);
  const lastPage = Math.max(1, Math.ceil(filtered.length / perPage));
  const shownPage = Math.min(page, lastPage);
  const shown = filtered.slice((shownPage - 1) * perPage, shownPage * perPage);
  const projects = React.useMemo(
    () =>
      loaded
        ? projectsWithClaims(
            instances.map((instance) => ({
              namespace: instance.namespace,
              claim: instance.storage.kind === 'persistent' ? `${instance.name}-data` : undefined,
            })),
          )
        : undefined,
    [instances, loaded],
  );
  const volumes = useClusterVolumeUse(projects);
  if (loadError) {
    return (
      <Alert
        variant="danger"
        isInline
        isPlain
        title={t('Could not load pip caches')}
        data-test="pipcache-load-error"
      >
        {toK8sErrorInfo(loadError).message}
      </Alert>
    );
  }
  if (!loaded) return <Spinner size="lg" aria-label={t('Loading pip caches')} />;
  if (sorted.length === 0) {
    return <p data-test="pipcache-cluster-empty">{t('No project has a pip cache yet.')}</p>;
  }
  const filters: { id: StatusFilter; text: string }[] = [
    { id: 'all', text: t('All') },
    { id: 'ready', text: t('Ready') },
    { id: 'not-ready', text: t('Not ready') },
  ];
  return (
    <>
      <ClusterDiskAlert volumes={volumes} />
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <ToggleGroup
              aria-label={t('Show caches by status')}
              data-test="pipcache-cluster-filter"
            >
              {filters.map(({ id, text }) => (
                <ToggleGroupItem
                  key={id}
                  text={text}
                  buttonId={`pipcache-cluster-filter-${id}`}
                  isSelected={filter === id}
                  onChange={() => {
                    setFilter(id);
                    setPage(1);
                  }}
                />
              ))}
            </ToggleGroup>
          </ToolbarItem>
          <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
            <Pagination
              itemCount={filtered.length}
              page={shownPage}
              perPage={perPage}
              perPageOptions={PER_PAGE_OPTIONS}
              onSetPage={(_event, next) => setPage(next)}
              onPerPageSelect={(_event, next) => {
                setPerPage(next);
                setPage(1);
              }}
              isCompact
              titles={{ paginationAriaLabel: t('Pages of pip caches') }}
              data-test="pipcache-cluster-pagination"
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <Table aria-label={t('Pip caches in the cluster')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('Name')}</Th>
            <Th>{t('Project')}</Th>
            <Th>{t('Status')}</Th>
            <Th>{t('External index URL')}</Th>
            <Th>{t('Internal index URL')}</Th>
            <Th>{t('Disk')}</Th>
            <Th screenReaderText={t('Copy pip settings')} />
          </Tr>
        </Thead>
        <Tbody>
          {shown.map((instance) => (
            <ClusterCacheRow
              key={`${instance.namespace}/${instance.name}`}
              instance={instance}
              volumes={volumes}
              onStatus={onStatus}
            />
          ))}
        </Tbody>
      </Table>
      {filtered.length === 0 && (
        <p data-test="pipcache-cluster-none-shown">{t('No pip cache has this status.')}</p>
      )}
    </>
  );
};

export default ClusterCachesTable;
