import { getI18n } from 'react-i18next';
import { I18N_NAMESPACE } from '../../hooks/usePipCacheTranslation';
import { ANCHOR_SELECTOR, type TFunction, type Deployment, KINDS } from '../../model/shared';
import { cachesDashboardHealth } from '../../model/living';
import {
  HealthState,
  type ResourceHealthHandler,
  type WatchK8sResources,
} from '../../sdk/console-sdk';

/** What the Status card item watches: the anchor Deployment of every cache, in all projects. */
export type CachesHealthResources = { deployments: Deployment[] };

/** The watch the console runs for the Status card item (the contract's anchor selector). */
export const cachesHealthResources: WatchK8sResources<CachesHealthResources> = {
  deployments: {
    groupVersionKind: KINDS.Deployment.gvk,
    isList: true,
    namespaced: true,
    selector: { matchLabels: { ...ANCHOR_SELECTOR } },
  },
};

/**
 * The Status card's health handler: the model's pure summary, with the console's `t` bound to
 * the plugin's namespace (the console passes its own default namespace) and the state mapped
 * onto the SDK's enum.
 */
export const cachesHealthHandler: ResourceHealthHandler<CachesHealthResources> = (
  results,
  consoleT,
) => {
  const translate = consoleT ?? getI18n().t.bind(getI18n());
  const t: TFunction = (key, options) => translate(key, { ...options, ns: I18N_NAMESPACE });
  const health = cachesDashboardHealth(results, t);
  return { state: HealthState[health.state], message: health.message };
};
