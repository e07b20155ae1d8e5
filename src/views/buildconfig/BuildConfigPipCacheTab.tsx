import * as React from 'react';
import {
  Alert,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  PageSection,
  Title,
} from '@patternfly/react-core';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { Link } from 'react-router-dom-v5-compat';
import { toK8sErrorInfo } from '../../api/k8s-error';
import { startBuild } from '../../api/start-build';
import GuardedButton from '../../components/GuardedButton';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { cacheUseOf } from '../../model/builds';
import { parseBuildConfig } from '../../model/living';
import { detailsPagePath, accessOf, KINDS } from '../../model/shared';
import { useAccessReview, useModal } from '../../sdk/console-sdk';
import UsedCacheHealth from './UsedCacheHealth';
import { useCanPatchBuildConfig } from './useBuildConfigActions';
import { lazyModal } from '../../components/lazy-load';

// Each dialog's code loads when it is opened, not with the page.
const StopUsingCacheModal = lazyModal(() => import('./StopUsingCacheModal'));
const UseCacheModal = lazyModal(() => import('./UseCacheModal'));

/**
 * The "PipCache" tab of a BuildConfig (`console.tab/horizontalNav`, from console 4.19): whether
 * its builds use a cache, which, its health, and the actions to use, change or stop using one.
 */
const BuildConfigPipCacheTab: React.FC<{ obj?: K8sResourceCommon }> = ({ obj }) => {
  const { t } = usePipCacheTranslation();
  // The console hands over what it watched: parsed, a BuildConfig not in the shape read shows none.
  const buildConfig = React.useMemo(() => parseBuildConfig(obj), [obj]);
  const launchModal = useModal();
  const access = useCanPatchBuildConfig(buildConfig);
  const use = buildConfig ? cacheUseOf(buildConfig) : ({ kind: 'none' } as const);
  const used = use.kind === 'plugin' ? use.cache : undefined;
  const [canInstantiate] = useAccessReview(
    accessOf(KINDS.BuildConfig, 'create', {
      namespace: buildConfig?.metadata.namespace,
      name: buildConfig?.metadata.name,
      subresource: 'instantiate',
    }),
  );
  const [starting, setStarting] = React.useState(false);
  const [buildNotice, setBuildNotice] = React.useState<{ ok: boolean; text: string }>();

  if (!buildConfig) return null;
  const name = buildConfig.metadata.name ?? '';

  const start = async () => {
    if (starting) return;
    setStarting(true);
    setBuildNotice(undefined);
    try {
      const build = await startBuild(buildConfig);
      setBuildNotice({
        ok: true,
        text: t('Build {{build}} started.', { build: build.metadata.name ?? '' }),
      });
    } catch (error) {
      setBuildNotice({
        ok: false,
        text: t('The build did not start: {{message}}', {
          message: toK8sErrorInfo(error).message,
        }),
      });
    }
    setStarting(false);
  };

  let summary: string;
  switch (use.kind) {
    case 'plugin':
      summary = t('The builds of {{name}} use a pip cache set by PipCache.', { name });
      break;
    case 'manual':
      summary = t('The builds of {{name}} use an index set by hand: {{url}}', {
        name,
        url: use.indexUrl,
      });
      break;
    case 'unsupported':
      summary = t(
        'Builds with the {{strategy}} strategy have no environment PipCache can set. Point their build at an index by hand.',
        { strategy: use.strategy },
      );
      break;
    default:
      summary = t('The builds of {{name}} download every package from PyPI: no pip cache is set.', {
        name,
      });
  }

  return (
    <PageSection data-test="pipcache-bc-tab">
      <Flex direction={{ default: 'column' }}>
        <Title headingLevel="h2">{t('Pip cache')}</Title>
        <p data-test="pipcache-bc-summary">{summary}</p>
        {used && (
          <DescriptionList isHorizontal data-test="pipcache-bc-used">
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Pip cache')}</DescriptionListTerm>
              <DescriptionListDescription>
                <Link to={detailsPagePath(used.namespace, used.name)} data-test="pipcache-bc-cache">
                  {t('{{name}} in project {{namespace}}', {
                    name: used.name,
                    namespace: used.namespace,
                  })}
                </Link>
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Status')}</DescriptionListTerm>
              <DescriptionListDescription>
                <UsedCacheHealth namespace={used.namespace} name={used.name} />
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Index URL')}</DescriptionListTerm>
              <DescriptionListDescription data-test="pipcache-bc-index-url">
                {use.kind === 'plugin' ? (use.indexUrl ?? t('not set')) : ''}
              </DescriptionListDescription>
            </DescriptionListGroup>
          </DescriptionList>
        )}
        {use.kind !== 'unsupported' && (
          <Flex>
            <FlexItem>
              <GuardedButton
                allowed={access.allowed}
                reason={access.reason}
                variant="primary"
                onClick={() => launchModal(UseCacheModal, { buildConfig })}
                data-test="pipcache-bc-use"
              >
                {used ? t('Change pip cache…') : t('Use pip cache…')}
              </GuardedButton>
            </FlexItem>
            {used && (
              <FlexItem>
                <GuardedButton
                  allowed={access.allowed}
                  reason={access.reason}
                  variant="secondary"
                  onClick={() => launchModal(StopUsingCacheModal, { buildConfig })}
                  data-test="pipcache-bc-stop"
                >
                  {t('Stop using pip cache')}
                </GuardedButton>
              </FlexItem>
            )}
            <FlexItem>
              <GuardedButton
                allowed={canInstantiate}
                reason={t('You may not start builds in project {{namespace}}.', {
                  namespace: buildConfig.metadata.namespace ?? '',
                })}
                variant="link"
                onClick={() => void start()}
                isLoading={starting}
                data-test="pipcache-bc-start-build"
              >
                {t('Start build')}
              </GuardedButton>
            </FlexItem>
          </Flex>
        )}
        {buildNotice && (
          <Alert
            isInline
            isPlain
            variant={buildNotice.ok ? 'success' : 'danger'}
            title={buildNotice.text}
            data-test="pipcache-bc-build-notice"
          />
        )}
      </Flex>
    </PageSection>
  );
};

export default BuildConfigPipCacheTab;
