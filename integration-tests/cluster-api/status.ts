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

const status = (
  code: number,
  reason: string,
  message: string,
  details?: StatusBody['details'],
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

export const notFound = (type: ResourceType, name: string): StatusError =>
  status(404, 'NotFound', `${resourceName(type)} "${name}" not found`, {
    name,
    group: type.group,
    kind: type.plural,
  });

export const alreadyExists = (type: ResourceType, name: string): StatusError =>
  status(409, 'AlreadyExists', `${resourceName(type)} "${name}" already exists`, {
    name,
    group: type.group,
    kind: type.plural,
  });

export const conflict = (type: ResourceType, name: string): StatusError =>
  status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${resourceName(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: type.group, kind: type.plural },
  );

export const invalid = (type: ResourceType, name: string, causes: StatusCause[]): StatusError =>
  status(
    422,
    'Invalid',
    `${type.kind}${type.group ? `.${type.group}` : ''} "${name}" is invalid: ${causes
      .map((c) => `${c.field}: ${c.message}`)
      .join(', ')}`,
    { name, group: type.group, kind: type.kind, causes },
  );

export const forbidden = (
  user: string,
  verb: string,
  resource: string,
  group: string,
  namespace: string | undefined,
  name?: string,
): StatusError =>
  status(
    403,
    'Forbidden',
    `${resource}${group ? `.${group}` : ''}${name ? ` "${name}"` : ''} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}"${
      namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'
    }`,
    { ...(name ? { name } : {}), group, kind: resource },
  );

export const badRequest = (message: string): StatusError => status(400, 'BadRequest', message);

export const expired = (message: string): StatusError => status(410, 'Expired', message);

export const methodNotAllowed = (): StatusError =>
  status(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  );

export const serviceUnavailable = (message: string): StatusError =>
  status(503, 'ServiceUnavailable', message);

export const internalError = (message: string): StatusError =>
  status(500, 'InternalError', message);
