import type { Route } from '../model/k8s-types';
import { k8sPatch } from '../sdk/console-sdk';
import { KINDS } from '../model/kinds';

/**
 * Gives a cache's Route another host. Guarded by the resourceVersion it was read at, so an
 * edit made meanwhile makes the patch fail instead of being overwritten.
 */
export const changeRouteHost = (route: Route, host: string): Promise<Route> => {
  return k8sPatch({
    model: KINDS.Route.model,
    resource: route,
    data: [
      { op: 'test', path: '/metadata/resourceVersion', value: route.metadata.resourceVersion },
      { op: route.spec.host === undefined ? 'add' : 'replace', path: '/spec/host', value: host },
    ],
  });
};
