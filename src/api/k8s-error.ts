/** A field-level cause from a Kubernetes `Status` (422 Invalid carries these). */
export interface K8sErrorCause {
  field?: string;
  reason?: string;
  message: string;
}

/** A cluster error reduced to what the UI shows: status code, reason, message, causes. */
export interface K8sErrorInfo {
  code?: number;
  reason?: string;
  message: string;
  causes: K8sErrorCause[];
  timedOut: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const readCauses = (details: unknown): K8sErrorCause[] => {
  if (!isRecord(details) || !Array.isArray(details.causes)) {
    return [];
  }
  return details.causes.filter(isRecord).map((cause) => ({
    field: typeof cause.field === 'string' ? cause.field : undefined,
    reason: typeof cause.reason === 'string' ? cause.reason : undefined,
    message: typeof cause.message === 'string' ? cause.message : '',
  }));
};

/**
 * Normalises what the SDK rejects with (the console's HttpError with the `Status` body in
 * `json`, a TimeoutError, or anything else) into one shape.
 */
export const toK8sErrorInfo = (error: unknown): K8sErrorInfo => {
  if (!isRecord(error)) {
    return { message: String(error), causes: [], timedOut: false };
  }
  const status = isRecord(error.json) ? error.json : undefined;
  const codeValue = status?.code ?? error.code;
  const code = typeof codeValue === 'number' ? codeValue : undefined;
  const message =
    (typeof status?.message === 'string' && status.message) ||
    (typeof error.message === 'string' && error.message) ||
    JSON.stringify(error);
  return {
    code,
    reason: typeof status?.reason === 'string' ? status.reason : undefined,
    message,
    causes: readCauses(status?.details),
    timedOut: error.name === 'TimeoutError' || /timed out/i.test(message),
  };
};

/** A 409, or a 422 without field causes (a failed `test` operation), means "changed meanwhile". */
export const isConflict = (error: K8sErrorInfo): boolean =>
  error.code === 409 || (error.code === 422 && error.causes.length === 0);
