import * as React from 'react';
import {
  Alert,
  AlertActionLink,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Stack,
  Title,
} from '@patternfly/react-core';
import BuildsUnavailableNote from '../../components/BuildsUnavailableNote';
import CopyableText from '../../components/CopyableText';
import HealthLabel from '../../components/HealthLabel';
import IndexUrl from '../../components/IndexUrl';
import GuardedButton from '../../components/GuardedButton';
import { useBuildsAvailable } from '../../hooks/useBuildsAvailable';
import { useCacheChangeAccess } from '../../hooks/useCacheChangeAccess';
import { useDevpiProbe } from '../../hooks/useDevpiProbe';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import {
  cacheHealth,
  type CacheView,
  externalUrlProblemText,
  type CacheInstance,
  podRestartsAdvice,
} from '../../model/living';
import { clientSnippet } from '../../model/builds';
import CacheDiskUsage from './CacheDiskUsage';
import { useModal } from '../../sdk/console-sdk';
import type { CacheRoutes } from '../../api/upgrade-devpi';
import ClientSnippets from './ClientSnippets';
import DevpiIndexSettings from './DevpiIndexSettings';
import DevpiStatusFacts from './DevpiStatusFacts';
import StartBuildButton from './StartBuildButton';
import { lazyModal } from '../../components/lazy-load';

// Each dialog's code loads when it is opened, not with the page.
const EmptyEphemeralCacheModal = lazyModal(() => import('./EmptyEphemeralCacheModal'));
const UpgradeDevpiModal = lazyModal(() => import('./UpgradeDevpiModal'));

/** The cache at a glance: health (asking devpi itself), index URLs to copy, snippets, build and storage. */
const CacheOverview: React.FC<{
  /** The cache as its page sees it: the deployment is for emptying the cache, the BuildConfig
   * (when its image is built in the cluster) offers Start build, the volume disk use. */
  view: CacheView;
  /** Offered when the router refused the Route's host. */
  onChangeHost?: () => void;
  /** Opens Edit settings: offered when devpi was OOM-killed or the route is wider than needed. */
  onEdit?: () => void;
}> = ({ view, onChangeHost, onEdit }) => {
  const { instance, hasService, pvc } = view;
  const { deployment, buildConfig, route, filesRoute } = view.objects;
  const routes: CacheRoutes = { route, filesRoute };
  const buildsAvailable = useBuildsAvailable();
  const access = useCacheChangeAccess(instance.namespace, instance.name);
  const { t } = usePipCacheTranslation();
  const launchModal = useModal();
  // Only a ready pod behind an existing Service can answer; anything else would just log errors.
  const probe = useDevpiProbe(
    instance.namespace,
    instance.name,
    hasService && instance.pods.ready > 0,
  );
  const health = cacheHealth(instance, probe, t);
  const buildStates: Record<CacheInstance['build']['state'], string> = {
    none: t('No build yet'),
    pending: t('Waiting to build'),
    running: t('Building'),
    complete: t('Complete'),
    failed: t('Failed'),
  };
  const restarts = podRestartsAdvice(instance.restarts, instance.memoryLimit, t);
  return (
    <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsLg' }}>
      {restarts && (
        <FlexItem>
          <Alert
            variant={restarts.severity}
            isInline
            title={restarts.title}
            actionLinks={
              instance.restarts?.oomKilled && onEdit ? (
                <AlertActionLink onClick={onEdit} data-test="pipcache-restarts-edit">
                  {t('Edit settings')}
                </AlertActionLink>
              ) : undefined
            }
            data-test="pipcache-restarts"
          >
            {restarts.body}
          </Alert>
        </FlexItem>
      )}
      <FlexItem>
        <DescriptionList isHorizontal>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Status')}</DescriptionListTerm>
            <DescriptionListDescription>
              <HealthLabel health={health} announce />{' '}
              <span data-test="pipcache-health-sentence">{health.sentence}</span>
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('devpi')}</DescriptionListTerm>
            <DescriptionListDescription>
              <DevpiStatusFacts
                namespace={instance.namespace}
                service={instance.name}
                hasService={hasService}
                podReady={instance.pods.ready > 0}
                probe={probe}
              />
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Index settings in devpi')}</DescriptionListTerm>
            <DescriptionListDescription>
              <DevpiIndexSettings
                namespace={instance.namespace}
                service={instance.name}
                deployment={deployment}
                values={instance.values}
                probe={probe}
              />
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('External index URL')}</DescriptionListTerm>
            <DescriptionListDescription>
              {instance.externalUrl ? (
                <>
                  <IndexUrl url={instance.externalUrl} data-test="pipcache-external-url" />
                  {instance.routeWiderThanNeeded && (
                    <div data-test="pipcache-route-wider">
                      {t(
                        'The route of this cache publishes all of /root/pypi, made by an earlier version of the plugin. Save Edit settings to publish only what pip needs; the URL stays the same.',
                      )}{' '}
                      {onEdit && (
                        <Button
                          variant="link"
                          isInline
                          onClick={onEdit}
                          data-test="pipcache-route-wider-edit"
                        >
                          {t('Edit settings')}
                        </Button>
                      )}
                    </div>
                  )}
                </>
              ) : (
                <>
                  <span data-test="pipcache-external-url-problem">
                    {externalUrlProblemText(
                      instance.externalUrlProblem ?? { reason: 'Pending' },
                      t,
                    )}
                  </span>{' '}
                  {onChangeHost && (
                    <Button
                      variant="link"
                      isInline
                      onClick={onChangeHost}
                      data-test="pipcache-change-host"
                    >
                      {t('Change the host')}
                    </Button>
                  )}
                </>
              )}
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Internal index URL')}</DescriptionListTerm>
            <DescriptionListDescription data-test="pipcache-internal-url">
              {instance.internalUrl}
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Storage')}</DescriptionListTerm>
            <DescriptionListDescription>
              {instance.storage.kind === 'persistent'
                ? t('Persistent volume of {{size}} ({{class}})', {
                    size: instance.storage.size ?? '',
                    class: instance.storage.storageClass ?? t('default class'),
                  })
                : t('Ephemeral: cached packages are lost when the pod restarts.')}
              {instance.storage.kind !== 'persistent' && (
                <>
                  {' '}
                  <GuardedButton
                    allowed={access.checking || access.canRestart}
                    reason={t('You may not restart pip caches in project {{namespace}}.', {
                      namespace: instance.namespace,
                    })}
                    variant="link"
                    isInline
                    isDanger
                    onClick={() =>
                      launchModal(EmptyEphemeralCacheModal, {
                        deployment,
                        upstream: instance.values?.devpi.upstreamUrl || 'PyPI',
                      })
                    }
                    data-test="pipcache-storage-empty"
                  >
                    {t('Empty the cache…')}
                  </GuardedButton>
                </>
              )}
            </DescriptionListDescription>
          </DescriptionListGroup>
          {pvc && (
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Disk use')}</DescriptionListTerm>
              <DescriptionListDescription>
                <CacheDiskUsage
                  pvc={pvc}
                  namespace={instance.namespace}
                  deployment={deployment}
                  access={access}
                />
              </DescriptionListDescription>
            </DescriptionListGroup>
          )}
          {!buildsAvailable && (
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Image build')}</DescriptionListTerm>
              <DescriptionListDescription>
                <BuildsUnavailableNote />
              </DescriptionListDescription>
            </DescriptionListGroup>
          )}
          {buildsAvailable && instance.builtInCluster && (
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Image build')}</DescriptionListTerm>
              <DescriptionListDescription>
                <Flex spaceItems={{ default: 'spaceItemsSm' }}>
                  <FlexItem data-test="pipcache-build-state">
                    {buildStates[instance.build.state]}
                    {instance.build.name ? ` (${instance.build.name})` : ''}
                  </FlexItem>
                  {buildConfig && (
                    <FlexItem>
                      <StartBuildButton buildConfig={buildConfig} />
                    </FlexItem>
                  )}
                  {buildConfig && (
                    <FlexItem>
                      <GuardedButton
                        allowed={access.checking || access.canUpgrade}
                        reason={t(
                          'Upgrading changes the build and the Deployment and starts a build; you may not do all of it in project {{namespace}}.',
                          { namespace: instance.namespace },
                        )}
                        variant="link"
                        isInline
                        onClick={() =>
                          launchModal(UpgradeDevpiModal, { deployment, buildConfig, routes })
                        }
                        data-test="pipcache-upgrade"
                      >
                        {t('Upgrade devpi-server…')}
                      </GuardedButton>
                    </FlexItem>
                  )}
                </Flex>
              </DescriptionListDescription>
            </DescriptionListGroup>
          )}
        </DescriptionList>
      </FlexItem>
      <FlexItem>
        <Stack hasGutter>
          <Title headingLevel="h2">{t('Use it in builds in the cluster')}</Title>
          <p>
            {t(
              'Builds and pods in the cluster reach the cache through its Service over plain http, so pip needs the host as a trusted host. Copy both together:',
            )}
          </p>
          <CopyableText
            text={clientSnippet('pip-env', instance.internalUrl)}
            label={t('pip settings for builds in the cluster')}
            data-test="pipcache-copy-internal"
          />
        </Stack>
      </FlexItem>
      <FlexItem>
        <Stack hasGutter>
          <Title headingLevel="h2">{t('Settings for other clients')}</Title>
          <ClientSnippets indexUrl={instance.externalUrl ?? instance.internalUrl} />
        </Stack>
      </FlexItem>
    </Flex>
  );
};

export default CacheOverview;
