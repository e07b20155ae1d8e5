import type { ManagedIndexSettings } from '../cache';

/**
 * devpi's `root/pypi` index settings as `GET /root/pypi?no_projects=` reports them (public, and
 * since the start script keeps credentials out of `mirror_url`, free of secrets). Keys devpi does
 * not report are left out; its own defaults then apply.
 */
export interface ActualIndexSettings {
  /** The upstream, with any user info removed before it reaches the page. */
  mirror_url?: string;
  mirror_cache_expiry?: number;
  mirror_ignore_serial_header?: boolean;
  mirror_no_project_list?: boolean;
  /** True when `mirror_url` held a user name or password (a cache of an earlier version). */
  credentialsInUrl: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The URL without its user info, and whether it had any; undefined when it is not a URL. */
const withoutUserInfo = (text: string): { url: string; had: boolean } | undefined => {
  try {
    const url = new URL(text);
    const had = url.username !== '' || url.password !== '';
    url.username = '';
    url.password = '';
    return { url: url.toString(), had };
  } catch {
    return undefined;
  }
};

/** Reads devpi's `{"type": "indexconfig", "result": {…}}` answer; undefined for anything else. */
export const parseIndexConfig = (body: unknown): ActualIndexSettings | undefined => {
  if (!isRecord(body) || body.type !== 'indexconfig' || !isRecord(body.result)) return undefined;
  const result = body.result;
  if (result.type !== 'mirror') return undefined;
  const mirror =
    typeof result.mirror_url === 'string' ? withoutUserInfo(result.mirror_url) : undefined;
  const expiry = result.mirror_cache_expiry;
  const flag = (key: string): boolean | undefined =>
    typeof result[key] === 'boolean' ? result[key] : undefined;
  return {
    ...(mirror ? { mirror_url: mirror.url } : {}),
    ...(typeof expiry === 'number' && Number.isFinite(expiry)
      ? { mirror_cache_expiry: expiry }
      : {}),
    ...(flag('mirror_ignore_serial_header') !== undefined
      ? { mirror_ignore_serial_header: flag('mirror_ignore_serial_header') }
      : {}),
    ...(flag('mirror_no_project_list') !== undefined
      ? { mirror_no_project_list: flag('mirror_no_project_list') }
      : {}),
    credentialsInUrl: mirror?.had ?? false,
  };
};

/** devpi's values for keys an index does not set (`MirrorStage` in devpi_server/mirror.py). */
const DEVPI_DEFAULTS = {
  mirror_ignore_serial_header: false,
  mirror_no_project_list: false,
} as const;

/**
 * The managed keys whose value in devpi differs from what the cache is configured with (an
 * unset expiry counts as devpi's server default, 1800, which the start script also passes).
 */
export const indexSettingDifferences = (
  configured: ManagedIndexSettings,
  actual: ActualIndexSettings,
): (keyof ManagedIndexSettings)[] => {
  const effective: ManagedIndexSettings = {
    mirror_url: actual.mirror_url ?? '',
    mirror_cache_expiry: actual.mirror_cache_expiry ?? 1800,
    mirror_ignore_serial_header:
      actual.mirror_ignore_serial_header ?? DEVPI_DEFAULTS.mirror_ignore_serial_header,
    mirror_no_project_list: actual.mirror_no_project_list ?? DEVPI_DEFAULTS.mirror_no_project_list,
  };
  const keys: (keyof ManagedIndexSettings)[] = [
    'mirror_url',
    'mirror_cache_expiry',
    'mirror_ignore_serial_header',
    'mirror_no_project_list',
  ];
  // URLs are compared in their normal form (a host in capitals is the same host).
  const normal = { ...configured, mirror_url: withoutUserInfo(configured.mirror_url)?.url ?? '' };
  return keys.filter((key) => effective[key] !== normal[key]);
};
