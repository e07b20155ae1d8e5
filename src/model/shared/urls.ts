import type { Route } from './k8s-types';

/** The path under which devpi serves its PyPI mirror index. */
export const MIRROR_PATH = '/root/pypi';
/** What pip, uv and Poetry read: the mirror's simple index. */
export const SIMPLE_SUFFIX = '/+simple/';
/**
 * The path of the cache's Route `N`: the simple pages only. No trailing slash: the router
 * matches such a path on whole segments, so `/root/pypi/+simple/…` and nothing else.
 */
export const SIMPLE_ROUTE_PATH = `${MIRROR_PATH}/+simple`;
/**
 * The path of the Route `N-files`: the package files. devpi's simple pages link them as
 * relative `../../+f/…` URLs, which resolve under the mirror's `+f/`.
 */
export const FILES_ROUTE_PATH = `${MIRROR_PATH}/+f`;
/** The suffix of the second Route's name: `N-files`. */
export const FILES_ROUTE_SUFFIX = '-files';

/** The name of the Route that publishes the package files of the cache `name`. */
export const filesRouteName = (name: string): string => `${name}${FILES_ROUTE_SUFFIX}`;

/** Whether a Route `N` publishes the simple pages only, as contract schema 2 has it. */
export const isNarrowedRoute = (route: Route): boolean =>
  (route.spec.path ?? '').replace(/\/+$/, '') === SIMPLE_ROUTE_PATH;

/** The admission of a Route by the router: admitted host, or why it is not admitted. */
export type RouteAdmission =
  { admitted: true; host: string } | { admitted: false; reason: string; message?: string };

/** Reads `status.ingress[].conditions[type=Admitted]` as the console does. */
export const routeAdmission = (route: Route): RouteAdmission => {
  const ingresses = route.status?.ingress ?? [];
  for (const ingress of ingresses) {
    const admitted = ingress.conditions?.find((condition) => condition.type === 'Admitted');
    if (admitted?.status === 'True' && ingress.host) return { admitted: true, host: ingress.host };
  }
  for (const ingress of ingresses) {
    const refused = ingress.conditions?.find(
      (condition) => condition.type === 'Admitted' && condition.status === 'False',
    );
    if (refused)
      return { admitted: false, reason: refused.reason ?? 'NotAdmitted', message: refused.message };
  }
  return { admitted: false, reason: 'Pending' };
};

/** The mirror's base path as a Route path publishes it: the simple pages, the mirror, or `/`. */
export const joinPath = (routePath: string | undefined): string => {
  // The Route N has path /root/pypi/+simple; caches of schema 1 had /root/pypi; the original
  // templates used /. Any of them leads to the same index URL.
  const path = (routePath ?? '').replace(/\/+$/, '');
  if (path.endsWith(SIMPLE_ROUTE_PATH)) return path.slice(0, -'/+simple'.length);
  return path.endsWith(MIRROR_PATH) ? path : `${path}${MIRROR_PATH}`;
};

/** The external index URL: the admitted host, https when the Route has TLS, the mirror's simple index. */
export const externalIndexUrl = (route: Route): string | undefined => {
  const admission = routeAdmission(route);
  if (!admission.admitted) return undefined;
  const scheme = route.spec.tls ? 'https' : 'http';
  return `${scheme}://${admission.host}${joinPath(route.spec.path)}${SIMPLE_SUFFIX}`;
};

/** The in-cluster host of a cache's Service. */
export const serviceHost = (name: string, namespace: string): string => `${name}.${namespace}.svc`;

/** The internal index URL, for builds and pods in the cluster: plain http to the Service. */
export const internalIndexUrl = (name: string, namespace: string): string =>
  `http://${serviceHost(name, namespace)}${MIRROR_PATH}${SIMPLE_SUFFIX}`;

/** The host pip must trust for a plain-http index, or undefined for https. */
export const trustedHostFor = (indexUrl: string): string | undefined => {
  try {
    const url = new URL(indexUrl);
    return url.protocol === 'http:' ? url.hostname : undefined;
  } catch {
    return undefined;
  }
};

/** True only for http and https URLs: the only ones the UI turns into links. */
export const isSafeLink = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * The cluster's apps domain, learnt from any admitted Route of the project whose host was
 * generated (`<route>-<namespace>.<domain>`); undefined when none tells.
 */
export const appsDomainFrom = (routes: readonly Route[], namespace: string): string | undefined => {
  for (const route of routes) {
    const admission = routeAdmission(route);
    const prefix = `${route.metadata.name ?? ''}-${namespace}.`;
    if (admission.admitted && admission.host.startsWith(prefix))
      return admission.host.slice(prefix.length);
  }
  return undefined;
};
