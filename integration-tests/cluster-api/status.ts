import type { ResourceType } from './resources';

export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

/** A Kubernetes `Status` of a failure, as the API server sends it. */
export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
  code: number;
}

/** An error that the HTTP layer turns into a Status response. */
export class StatusError extends Error {
  constructor(readonly body: StatusBody) {
    super(body.message);
  }
}

/**
 * The reason the API server gives a failure of a code when nothing more specific applies, as
 * apimachinery's `NewGenericServerResponse` maps codes to reasons (a create's 409 is
 * `AlreadyExists`); 410 is the `Expired` of a watch from a compacted resourceVersion.
 */
export const reasonFor = (code: number, method?: string): string => {
  const reasons: Record<number, string> = {
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    405: 'MethodNotAllowed',
    406: 'NotAcceptable',
    409: method === 'POST' ? 'AlreadyExists' : 'Conflict',
    410: 'Expired',
    415: 'UnsupportedMediaType',
    422: 'Invalid',
    429: 'TooManyRequests',
    503: 'ServiceUnavailable',
    504: 'Timeout',
  };
  return reasons[code] ?? (code >= 500 ? 'InternalError' : 'Unknown');
};

/**
 * The one place a failure `Status` is built: its code, message and details, with the reason
 * the API server gives that code unless a more specific one is named.
 */
export const statusError = (
  code: number,
  message: string,
  { reason = reasonFor(code), details }: { reason?: string; details?: StatusBody['details'] } = {},
): StatusError =>
  new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });

const resourceName = (type: ResourceType): string =>
  type.group ? `${type.plural}.${type.group}` : type.plural;

const objectDetails = (type: ResourceType, name: string): StatusBody['details'] => ({
  name,
  group: type.group,
  kind: type.plural,
});

export const notFound = (type: ResourceType, name: string): StatusError =>
  statusError(404, `${resourceName(type)} "${name}" not found`, {
    details: objectDetails(type, name),
  });

/** A path the server does not serve (or an API group switched off), as the real 404 says it. */
export const unknownResource = (): StatusError =>
  statusError(404, 'the server could not find the requested resource', { details: {} });

export const alreadyExists = (type: ResourceType, name: string): StatusError =>
  statusError(409, `${resourceName(type)} "${name}" already exists`, {
    reason: 'AlreadyExists',
    details: objectDetails(type, name),
  });

export const conflict = (type: ResourceType, name: string): StatusError =>
  statusError(
    409,
    `Operation cannot be fulfilled on ${resourceName(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { details: objectDetails(type, name) },
  );

export const invalid = (type: ResourceType, name: string, causes: StatusCause[]): StatusError =>
  statusError(
    422,
    `${type.kind}${type.group ? `.${type.group}` : ''} "${name}" is invalid: ${causes
      .map((c) => `${c.field}: ${c.message}`)
      .join(', ')}`,
    { details: { name, group: type.group, kind: type.kind, causes } },
  );

export const forbidden = (
  user: string,
  verb: string,
  resource: string,
  group: string,
  namespace: string | undefined,
  name?: string,
): StatusError =>
  statusError(
    403,
    `${resource}${group ? `.${group}` : ''}${name ? ` "${name}"` : ''} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}"${
      namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'
    }`,
    { details: { ...(name ? { name } : {}), group, kind: resource } },
  );

export const unauthorized = (): StatusError => statusError(401, 'Unauthorized');

export const badRequest = (message: string): StatusError => statusError(400, message);

export const expired = (message: string): StatusError => statusError(410, message);

export const methodNotAllowed = (): StatusError =>
  statusError(405, 'the server does not allow this method on the requested resource');

export const serviceUnavailable = (message: string): StatusError => statusError(503, message);

export const internalError = (message: string): StatusError => statusError(500, message);
