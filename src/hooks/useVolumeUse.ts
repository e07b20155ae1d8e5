import * as React from 'react';
import { toK8sErrorInfo, type K8sErrorInfo } from '../api/k8s-error';
import { readVolumeUse } from '../api/volumes';
import { startPolling } from './polling';

/** How often volume figures are read again: the kubelet itself reports them about once a minute. */
const INTERVAL_MS = 60_000;

export interface VolumeUseResult {
  used: Map<string, number>;
  capacity: Map<string, number>;
  loaded: boolean;
  /** Why no figures could be read (monitoring unreachable, no access …). */
  error?: K8sErrorInfo;
}

const EMPTY: VolumeUseResult = { used: new Map(), capacity: new Map(), loaded: false };

/**
 * Reads the used and capacity bytes of every claim in a project from the console's Prometheus
 * tenancy API while the page is visible: two queries a minute per project, whatever the
 * number of caches. Nothing is read while `namespace` is undefined.
 */
export const useVolumeUse = (namespace: string | undefined): VolumeUseResult => {
  const [result, setResult] = React.useState<VolumeUseResult>(EMPTY);
  React.useEffect(() => {
    setResult(EMPTY);
    if (!namespace) return undefined;
    return startPolling(async (isStopped) => {
      try {
        const figures = await readVolumeUse(namespace);
        if (!isStopped()) setResult({ ...figures, loaded: true });
      } catch (error) {
        if (!isStopped()) setResult({ ...EMPTY, loaded: true, error: toK8sErrorInfo(error) });
      }
      return INTERVAL_MS;
    }, INTERVAL_MS);
  }, [namespace]);
  return result;
};
