/**
 * Python version numbers as PEP 440 defines them, with the spellings it accepts and
 * normalises: any case, a leading `v`, `-`, `_` or `.` between the parts, `alpha`/`beta`/`c`/
 * `pre`/`preview` for `a`/`b`/`rc`, `rev`/`r` for `post`, a missing number meaning 0, `1.0-1` for
 * a post-release, and leading zeros.
 */

/** A parsed version: numbers as strings without leading zeros, so that none loses digits. */
export interface Pep440Version {
  epoch: string;
  release: string[];
  pre?: { label: 'a' | 'b' | 'rc'; number: string };
  post?: string;
  dev?: string;
  local?: string;
}

const SEP = '[-_.]?';
const VERSION = new RegExp(
  [
    '^v?',
    '(?:(?<epoch>\\d+)!)?',
    '(?<release>\\d+(?:\\.\\d+)*)',
    `(?:${SEP}(?<pre>alpha|a|beta|b|preview|pre|rc|c)${SEP}(?<preNumber>\\d+)?)?`,
    `(?:-(?<implicitPost>\\d+)|${SEP}(?<post>post|rev|r)${SEP}(?<postNumber>\\d+)?)?`,
    `(?:${SEP}(?<dev>dev)${SEP}(?<devNumber>\\d+)?)?`,
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$',
  ].join(''),
  'i',
);

const PRE_LABELS: Record<string, 'a' | 'b' | 'rc'> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc',
};

const integer = (digits: string): string => digits.replace(/^0+(?=\d)/, '');

/** Parses a version as PEP 440 does, or undefined when it is not one. */
export const parsePep440 = (text: string): Pep440Version | undefined => {
  const groups = VERSION.exec(text.trim())?.groups;
  if (!groups) return undefined;
  const {
    epoch,
    release = '',
    pre,
    preNumber,
    implicitPost,
    post,
    postNumber,
    dev,
    devNumber,
  } = groups;
  const { local } = groups;
  return {
    epoch: integer(epoch ?? '0'),
    release: release.split('.').map(integer),
    ...(pre
      ? { pre: { label: PRE_LABELS[pre.toLowerCase()] ?? 'rc', number: integer(preNumber ?? '0') } }
      : {}),
    ...(implicitPost !== undefined || post !== undefined
      ? { post: integer(implicitPost ?? postNumber ?? '0') }
      : {}),
    ...(dev ? { dev: integer(devNumber ?? '0') } : {}),
    ...(local
      ? {
          local: local
            .toLowerCase()
            .split(/[-_.]/)
            .map((part) => (/^\d+$/.test(part) ? integer(part) : part))
            .join('.'),
        }
      : {}),
  };
};

/** The normal form of a parsed version, as PEP 440 writes it. */
export const formatPep440 = (version: Pep440Version): string =>
  [
    version.epoch === '0' ? '' : `${version.epoch}!`,
    version.release.join('.'),
    version.pre ? `${version.pre.label}${version.pre.number}` : '',
    version.post !== undefined ? `.post${version.post}` : '',
    version.dev !== undefined ? `.dev${version.dev}` : '',
    version.local ? `+${version.local}` : '',
  ].join('');

/** The normal form of a version text, or undefined when it is not a PEP 440 version. */
export const normalizePep440 = (text: string): string | undefined => {
  const parsed = parsePep440(text);
  return parsed ? formatPep440(parsed) : undefined;
};

/** The lowest devpi-server 6 minor release a cache runs: 6.11 (see checkDevpiVersion). */
export const DEVPI_FLOOR_MINOR = 11;

/** What a devpi-server version text is for a cache: empty, not a version, outside 6.x, or fine. */
export type DevpiVersionCheck =
  | { state: 'empty' }
  | { state: 'invalid' }
  /** Below 6.11 (a pre-release of 6.11 included) or 7 and later. */
  | { state: 'outside'; normalized: string; preReleaseOfFloor: boolean }
  | { state: 'ok'; normalized: string; changed: boolean };

/**
 * Checks a devpi-server version against `>=6.11,<7` as pip compares versions (local labels
 * ignored; a pre-release or development release of 6.11 comes before 6.11), with its normal form.
 * 6.11 is the floor because the cache's start script hands the upstream credentials to devpi
 * through the `devpiserver_get_mirror_auth` plugin hook, which devpi-server has from 6.11.
 */
export const checkDevpiVersion = (text: string): DevpiVersionCheck => {
  const trimmed = text.trim();
  if (!trimmed) return { state: 'empty' };
  const parsed = parsePep440(trimmed);
  if (!parsed) return { state: 'invalid' };
  const normalized = formatPep440(parsed);
  const [major, minor = '0', ...rest] = parsed.release;
  const isFloor = Number(minor) === DEVPI_FLOOR_MINOR && rest.every((part) => part === '0');
  const beforeFloor =
    isFloor &&
    (parsed.pre !== undefined || (parsed.dev !== undefined && parsed.post === undefined));
  if (parsed.epoch !== '0' || major !== '6' || Number(minor) < DEVPI_FLOOR_MINOR || beforeFloor)
    return { state: 'outside', normalized, preReleaseOfFloor: major === '6' && beforeFloor };
  return { state: 'ok', normalized, changed: normalized !== trimmed };
};

/** The normal form of a devpi-server version within 6.x, or undefined when it is not one. */
export const normalizeDevpiVersion = (text: string): string | undefined => {
  const check = checkDevpiVersion(text);
  return check.state === 'ok' ? check.normalized : undefined;
};
