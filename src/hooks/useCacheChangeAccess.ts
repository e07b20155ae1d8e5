import { useAccessReview } from '../sdk/console-sdk';
import { accessOf, KINDS } from '../model/shared';

/** What the user may change on one cache's details page, from access reviews. */
export interface CacheChangeAccess {
  /** Still asking the API server: actions stay enabled meanwhile, as Delete does. */
  checking: boolean;
  /** Scale the Deployment and replace its claim (persistent), or restart its pod (ephemeral). */
  canEmpty: boolean;
  canRestart: boolean;
  /** Grow the claim. */
  canExpand: boolean;
  /** Pin another devpi-server in the BuildConfig, record it on the Deployment, start a build. */
  canUpgrade: boolean;
}

/**
 * Access reviews for the details page's changing actions (Empty, Expand, Upgrade and the
 * ephemeral restart), so that an action the user may not take is shown disabled with the
 * reason instead of failing with a 403 after the click.
 */
export const useCacheChangeAccess = (namespace: string, name: string): CacheChangeAccess => {
  const [patchDeployment, c1] = useAccessReview(
    accessOf(KINDS.Deployment, 'patch', { namespace, name }),
  );
  const [deleteClaim, c2] = useAccessReview(
    accessOf(KINDS.PersistentVolumeClaim, 'delete', { namespace }),
  );
  const [createClaim, c3] = useAccessReview(
    accessOf(KINDS.PersistentVolumeClaim, 'create', { namespace }),
  );
  const [patchClaim, c4] = useAccessReview(
    accessOf(KINDS.PersistentVolumeClaim, 'patch', { namespace }),
  );
  const [patchBuildConfig, c5] = useAccessReview(
    accessOf(KINDS.BuildConfig, 'patch', { namespace, name }),
  );
  const [instantiate, c6] = useAccessReview(
    accessOf(KINDS.BuildConfig, 'create', { namespace, name, subresource: 'instantiate' }),
  );
  // The s2i build pins devpi-server in a ConfigMap, the Docker build in the BuildConfig.
  const [patchConfigMap, c7] = useAccessReview(accessOf(KINDS.ConfigMap, 'patch', { namespace }));
  return {
    checking: c1 || c2 || c3 || c4 || c5 || c6 || c7,
    canEmpty: patchDeployment && deleteClaim && createClaim,
    canRestart: patchDeployment,
    canExpand: patchClaim,
    canUpgrade: patchBuildConfig && patchConfigMap && patchDeployment && instantiate,
  };
};
