import { type Route, KINDS } from '../model/shared';
import { k8sPatch } from '../sdk/console-sdk';

/**
 * Gives one Route another host. Guarded by the resourceVersion it was read at, so an edit made
 * meanwhile makes the patch fail instead of being overwritten.
 */
export const changeRouteHost = (route: Route, host: string | undefined): Promise<Route> => {
  return k8sPatch({
    model: KINDS.Route.model,
    resource: route,
    data: [
      { op: 'test', path: '/metadata/resourceVersion', value: route.metadata.resourceVersion },
      host === undefined
        ? { op: 'remove', path: '/spec/host' }
        : {
            op: route.spec.host === undefined ? 'add' : 'replace',
            path: '/spec/host',
            value: host,
          },
    ],
  });
};

/** Why the host of a cache's Routes was not changed, and whether the route `N` is as it was. */
export class HostChangeError extends Error {
  constructor(
    /** The API server's refusal of the first patch that failed. */
    readonly refusal: unknown,
    /** False only when `N` got the new host, `N-files` did not, and `N` could not be put back. */
    readonly restored: boolean,
  ) {
    super(refusal instanceof Error ? refusal.message : String(refusal));
    this.name = 'HostChangeError';
  }
}

/**
 * Moves both Routes of a cache (`N` and `N-files`) to another host together: the simple pages
 * and the files they link to must share a host. When `N-files` refuses, `N` gets its old host
 * back, so that the two never stay apart; the error says whether that worked.
 */
export const changeCacheHost = async (
  route: Route,
  filesRoute: Route | undefined,
  host: string,
): Promise<void> => {
  let moved: Route;
  try {
    moved = await changeRouteHost(route, host);
  } catch (caught) {
    throw new HostChangeError(caught, true);
  }
  if (!filesRoute) return;
  try {
    await changeRouteHost(filesRoute, host);
  } catch (caught) {
    try {
      await changeRouteHost(moved, route.spec.host);
    } catch {
      throw new HostChangeError(caught, false);
    }
    throw new HostChangeError(caught, true);
  }
};
