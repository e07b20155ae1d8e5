import {
  APP_NAME,
  contractLabels,
  LABEL_INSTANCE,
  LABEL_NAME,
  type CacheComponent,
} from '../shared';
import { toMap, type PipCacheValues } from './values';

/** The contract's labels for one object of the cache, plus the user's extra labels. */
export const cacheLabels = (
  values: PipCacheValues,
  component: CacheComponent,
): Record<string, string> => ({
  ...toMap(values.labels),
  ...contractLabels(values.name, component, values.applicationGroup || values.name),
});

/** The labels that select a cache's devpi pods: its Service, Deployment and NetworkPolicy share them. */
export const podSelector = (values: PipCacheValues): Record<string, string> => ({
  [LABEL_NAME]: APP_NAME,
  [LABEL_INSTANCE]: values.name,
});
