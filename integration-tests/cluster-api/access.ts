import type * as http from 'http';
import { cookie } from './http-io';
import { isAllowed, USERS, type AccessRequest, type RbacSettings, type UserName } from './rbac';
import { forbidden, statusError, unauthorized } from './status';

/** The console's session cookie: a request carrying it is the browser's, not kubectl's. */
export const SESSION_COOKIE = 'openshift-session-token';

/** Throws the API server's 403 for a request the user's roles do not allow. */
export const authorize = (user: UserName, req: AccessRequest, rbac: RbacSettings): void => {
  if (isAllowed(user, req, rbac)) return;
  throw forbidden(
    USERS[user],
    req.verb,
    req.subresource ? `${req.resource}/${req.subresource}` : req.resource,
    req.group,
    req.namespace,
    req.name,
  );
};

/**
 * Who a request to the API acts as. kubectl's way in is a bearer token without a console
 * session: it acts as the user the token names (401 for a token of nobody), and needs no CSRF
 * header, since the CSRF rule guards cookie sessions only. Any other request is the session's
 * (undefined), and with `csrf` a write must carry `X-CSRFToken` equal to the `csrf-token` cookie.
 */
export const tokenUserOf = (req: http.IncomingMessage, csrf: boolean): UserName | undefined => {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined && cookie(req, SESSION_COOKIE) === undefined) {
    const user = (Object.keys(USERS) as UserName[]).find((name) => name === bearer);
    if (!user) throw unauthorized();
    return user;
  }
  if (csrf && req.method !== 'GET' && req.method !== 'HEAD') {
    const token = cookie(req, 'csrf-token');
    if (!token || req.headers['x-csrftoken'] !== token)
      throw statusError(403, 'Invalid CSRF token');
  }
  return undefined;
};

type ReviewBody = {
  spec?: { resourceAttributes?: Partial<AccessRequest> & { resource?: string } };
};

/** Answers a SelfSubjectAccessReview with what `can` decides for its resource attributes. */
export const accessReview = (body: unknown, can: (req: AccessRequest) => boolean): unknown => {
  const spec = (body as ReviewBody).spec;
  const attributes = spec?.resourceAttributes ?? {};
  const allowed = can({
    verb: attributes.verb ?? 'get',
    group: attributes.group ?? '',
    resource: attributes.resource ?? '',
    subresource: attributes.subresource || undefined,
    namespace: attributes.namespace || undefined,
    name: attributes.name || undefined,
  });
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: { allowed, ...(allowed ? {} : { reason: '' }) },
  };
};
