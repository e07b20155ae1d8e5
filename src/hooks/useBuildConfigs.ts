import { type BuildConfig, KINDS } from '../model/shared';
import { useK8sWatchResource } from '../sdk/console-sdk';

/** Watches the BuildConfigs of a project (one list-watch). */
export const useBuildConfigs = (
  namespace: string,
): { buildConfigs: BuildConfig[]; loaded: boolean; loadError: unknown } => {
  const result = useK8sWatchResource<BuildConfig[]>({
    groupVersionKind: KINDS.BuildConfig.gvk,
    namespace,
    isList: true,
  });
  const [data, loaded] = result;
  const loadError: unknown = result[2];
  return { buildConfigs: data, loaded, loadError };
};
