import * as React from 'react';
import type { Action } from '@openshift-console/dynamic-plugin-sdk';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { cacheUseOf } from '../../model/builds';
import { type BuildConfig, isPlainObject, accessOf, KINDS } from '../../model/shared';
import { parseBuildConfig } from '../../model/living';
import { useAccessReview, useModal } from '../../sdk/console-sdk';
import { lazyModal } from '../../components/lazy-load';

// Each dialog's code loads when it is opened, not with the page.
const StopUsingCacheModal = lazyModal(() => import('./StopUsingCacheModal'));
const UseCacheModal = lazyModal(() => import('./UseCacheModal'));

/**
 * Console 4.21+ passes `{ buildConfig, latestBuild }`; other callers may pass the object itself.
 * Either is parsed, not trusted: anything else gives no actions rather than a crash.
 */
const buildConfigOf = (scope: unknown): BuildConfig | undefined => {
  if (!isPlainObject(scope)) return undefined;
  return parseBuildConfig(scope.kind === 'BuildConfig' ? scope : scope.buildConfig);
};

/** Whether the user may change a BuildConfig, and the reason shown when not. */
export const useCanPatchBuildConfig = (
  buildConfig: BuildConfig | undefined,
): { allowed: boolean; loading: boolean; reason: string } => {
  const { t } = usePipCacheTranslation();
  const [allowed, loading] = useAccessReview(
    accessOf(KINDS.BuildConfig, 'patch', {
      namespace: buildConfig?.metadata.namespace,
      name: buildConfig?.metadata.name,
    }),
  );
  return {
    allowed,
    loading,
    reason: t(
      'You may not change BuildConfigs in project {{namespace}}. Ask a project admin for the edit role.',
      { namespace: buildConfig?.metadata.namespace ?? '' },
    ),
  };
};

/**
 * The BuildConfig actions of `console.action/resource-provider`: "Use pip cache…" and, when
 * PipCache set the env, "Stop using pip cache". Disabled with the reason for users who may not
 * patch BuildConfigs, and never hidden, so that a person knows the feature exists.
 */
export const useBuildConfigActions = (scope: unknown): [Action[], boolean, unknown] => {
  const { t } = usePipCacheTranslation();
  const launchModal = useModal();
  const buildConfig = buildConfigOf(scope);
  const access = useCanPatchBuildConfig(buildConfig);
  const actions = React.useMemo((): Action[] => {
    if (!buildConfig) return [];
    const use = cacheUseOf(buildConfig);
    const disabled = !access.allowed || use.kind === 'unsupported';
    const disabledTooltip =
      use.kind === 'unsupported'
        ? t('Builds with the {{strategy}} strategy have no environment PipCache can set.', {
            strategy: use.strategy,
          })
        : access.reason;
    const list: Action[] = [
      {
        id: 'pipcache-use',
        label: use.kind === 'plugin' ? t('Change pip cache…') : t('Use pip cache…'),
        cta: () => launchModal(UseCacheModal, { buildConfig }),
        disabled,
        disabledTooltip,
      },
    ];
    if (use.kind === 'plugin')
      list.push({
        id: 'pipcache-stop',
        label: t('Stop using pip cache'),
        cta: () => launchModal(StopUsingCacheModal, { buildConfig }),
        disabled,
        disabledTooltip,
      });
    return list;
  }, [buildConfig, access.allowed, access.reason, launchModal, t]);
  return [actions, !access.loading, undefined];
};
