import * as React from 'react';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import {
  groupCacheObjects,
  watchedEntry,
  WATCHED_KINDS,
  type CacheObjects,
  type WatchedKind,
} from '../model/living';
import { ANCHOR_SELECTOR, LABEL_INSTANCE } from '../model/shared';
import { useBuildsAvailable } from './useBuildsAvailable';
import { useK8sWatchResources, type WatchK8sResources } from '../sdk/console-sdk';

const BUILD_KINDS: readonly WatchedKind[] = ['buildConfigs', 'builds'];

export interface CacheObjectsResult {
  caches: Map<string, CacheObjects>;
  /** True once the anchor Deployments are loaded; other kinds fill in as they arrive. */
  loaded: boolean;
  /** The Deployments' load error: without them there is no list at all. */
  loadError: unknown;
}

/**
 * What the watches deliver, before the model parses it. Partial: a kind that is not watched
 * (nothing yet, or builds without the Build capability) has no entry at all.
 */
type Watches = Partial<Record<WatchedKind, K8sResourceCommon[]>>;

/**
 * Watches every object of the caches in a project (or in all projects when `namespace` is
 * undefined), or of the one cache `name`: one list-watch per kind, whatever the number of
 * caches, selected by the resource contract's labels.
 */
export const useCacheObjects = (
  namespace: string | undefined,
  name?: string,
  enabled = true,
): CacheObjectsResult => {
  // Without the Build capability there is no build.openshift.io API to watch.
  const buildsAvailable = useBuildsAvailable();
  const resources = React.useMemo(() => {
    // Nothing is watched until the caller knows where to look (no refused cluster-wide watch).
    const watches: WatchK8sResources<Watches> = {};
    if (!enabled) return watches;
    const matchLabels: Record<string, string> = { ...ANCHOR_SELECTOR };
    if (name) {
      matchLabels[LABEL_INSTANCE] = name;
    }
    for (const kind of WATCHED_KINDS) {
      if (!buildsAvailable && BUILD_KINDS.includes(kind)) continue;
      watches[kind] = {
        groupVersionKind: watchedEntry(kind).gvk,
        isList: true,
        namespaced: true,
        namespace,
        selector: { matchLabels },
      };
    }
    return watches;
  }, [namespace, name, enabled, buildsAvailable]);

  const results = useK8sWatchResources<Watches>(resources);

  return React.useMemo(() => {
    const lists: Watches = {};
    for (const kind of WATCHED_KINDS) {
      const result = results[kind];
      lists[kind] = result?.loaded ? result.data : [];
    }
    const deployments = results.deployments;
    const loadError: unknown = deployments?.loadError;
    return {
      caches: groupCacheObjects(lists),
      loaded: deployments?.loaded ?? false,
      loadError,
    };
  }, [results]);
};
