import * as React from 'react';
import { toK8sErrorInfo, type K8sErrorInfo } from '../api/k8s-error';
import { readClusterVolumeUse, type ClusterVolumeUse } from '../api/volumes';
import { CLUSTER_MONITORING_ACCESS } from '../model/living';
import { useAccessReview } from '../sdk/console-sdk';
import { startPolling } from './polling';

/** How often volume figures are read again: the kubelet itself reports them about once a minute. */
const INTERVAL_MS = 60_000;

export interface ClusterVolumeUseResult extends ClusterVolumeUse {
  loaded: boolean;
  /** Why no figure at all could be read (monitoring unreachable, no access …). */
  error?: K8sErrorInfo;
  /** Whether the figures came from the cluster-wide API rather than project by project. */
  clusterWide: boolean;
}

const empty = (clusterWide: boolean, loaded = false): ClusterVolumeUseResult => ({
  used: new Map(),
  capacity: new Map(),
  skipped: [],
  failed: [],
  loaded,
  clusterWide,
});

/**
 * Reads the volumes of the caches in `projects` while the page is visible, once a minute:
 * through the cluster-wide Prometheus API when the user may query it (two queries, whatever
 * the number of projects), otherwise through the tenancy API project by project. Nothing is
 * read while `projects` is undefined (the caches are still loading).
 */
export const useClusterVolumeUse = (projects: string[] | undefined): ClusterVolumeUseResult => {
  const [clusterWide, checking] = useAccessReview(CLUSTER_MONITORING_ACCESS);
  const [result, setResult] = React.useState<ClusterVolumeUseResult>(() => empty(false));
  // The list of projects is compared by value: a new array with the same projects must not
  // start the polling over.
  const key = projects ? projects.join('\n') : undefined;
  React.useEffect(() => {
    setResult(empty(clusterWide));
    if (key === undefined || checking) return undefined;
    const asked = key ? key.split('\n') : [];
    if (asked.length === 0) {
      setResult(empty(clusterWide, true));
      return undefined;
    }
    return startPolling(async (isStopped) => {
      try {
        const figures = await readClusterVolumeUse(asked, clusterWide);
        if (!isStopped()) setResult({ ...figures, loaded: true, clusterWide });
      } catch (error) {
        if (!isStopped()) {
          setResult({ ...empty(clusterWide, true), error: toK8sErrorInfo(error) });
        }
      }
      return INTERVAL_MS;
    }, INTERVAL_MS);
  }, [key, clusterWide, checking]);
  return result;
};
