/** The facts of devpi's `/+status` the UI shows: never its paths, host or metrics. */
export interface DevpiStatus {
  version?: string;
  /** The serial of devpi's changelog: how many changes it has stored. */
  serial?: number;
  /** When devpi last stored a change, as an ISO 8601 time. */
  lastCommit?: string;
  role?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the answer of devpi-server's `/+status` (`{"type": "status", "result": {…}}`), keeping
 * only the version, serial, last commit time and role. Undefined for anything else.
 */
export const parseDevpiStatus = (body: unknown): DevpiStatus | undefined => {
  if (!isRecord(body) || body.type !== 'status' || !isRecord(body.result)) return undefined;
  const result = body.result;
  const versions = isRecord(result.versioninfo) ? result.versioninfo : {};
  const version = versions['devpi-server'];
  const serial = result.serial;
  const timestamp = result['last-commit-timestamp'];
  return {
    version: typeof version === 'string' ? version : undefined,
    serial: typeof serial === 'number' && Number.isInteger(serial) ? serial : undefined,
    lastCommit:
      typeof timestamp === 'number' && Number.isFinite(timestamp) && timestamp > 0
        ? new Date(timestamp * 1000).toISOString()
        : undefined,
    role: typeof result.role === 'string' ? result.role : undefined,
  };
};
