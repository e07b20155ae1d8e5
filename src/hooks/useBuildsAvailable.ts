import { useFlag } from '../sdk/console-sdk';

/**
 * Whether the cluster has the Build capability: the console's flag `OPENSHIFT_BUILDCONFIG`,
 * false when the build.openshift.io API is missing. A flag not yet detected (undefined, though
 * the SDK types it boolean) counts as available, so a page does not flash "builds unavailable"
 * while the console starts.
 */
export const useBuildsAvailable = (): boolean => {
  const flag = useFlag('OPENSHIFT_BUILDCONFIG') as boolean | undefined;
  return flag !== false;
};
