import { type TFunction, parseQuantity } from '../shared';
import { checkDevpiVersion } from './pep440';
import type { KeyValue, PipCacheValues } from './values';

/** A message for the field, or undefined when the value is fine. */
export type FieldError = string | undefined;

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** True for a lowercase RFC 1123 subdomain of at most 253 characters. */
export const isDnsSubdomain = (value: string): boolean =>
  value.length > 0 &&
  value.length <= 253 &&
  value.split('.').every((label) => label.length <= 63 && DNS1123_LABEL.test(label));

/** The cache name: a DNS-1035 label (it names a Service), and short enough for a generated Route host. */
export const validateName = (
  name: string,
  namespace: string,
  t: TFunction,
  generatedHost = false,
): FieldError => {
  if (!name) return t('Enter a name.');
  if (name.length > 63) return t('Use at most 63 characters.');
  if (!DNS1035.test(name)) {
    return t(
      "Use lowercase letters, digits and '-'; start with a letter and end with a letter or digit.",
    );
  }
  if (generatedHost && `${name}-${namespace}`.length > 63) {
    return t(
      'The generated route host {{host}} would have a first part longer than 63 characters. Use a shorter name or enter a custom host.',
      { host: `${name}-${namespace}` },
    );
  }
  return undefined;
};

type QuantityKind = 'memory' | 'cpu' | 'storage';

/** A resource quantity such as 512Mi, 1Gi, 250m or 1. */
export const validateQuantity = (
  value: string,
  kind: QuantityKind,
  t: TFunction,
  required = true,
): FieldError => {
  if (!value.trim()) return required ? t('Enter a value.') : undefined;
  const parsed = parseQuantity(value);
  if (parsed === undefined) {
    return kind === 'cpu'
      ? t('Enter CPU as cores (1, 0.5) or millicores (500m).')
      : t('Enter a size such as 512Mi, 5Gi or 1Ti (Mi and Gi are powers of 1024).');
  }
  if (parsed <= 0) return t('Enter a value greater than zero.');
  if (kind === 'storage' && parsed < 2 ** 20) return t('Enter at least 1Mi.');
  return undefined;
};

/** A request must not exceed its limit (the API server rejects the pod otherwise). */
export const validateRequestWithinLimit = (
  request: string,
  limit: string,
  t: TFunction,
): FieldError => {
  const r = parseQuantity(request);
  const l = parseQuantity(limit);
  if (r === undefined || l === undefined || !limit.trim()) return undefined;
  return r > l
    ? t('The request must not be larger than the limit ({{limit}}).', { limit })
    : undefined;
};

/** A label or node-selector key: optional DNS subdomain prefix and '/', then a name of at most 63. */
export const validateLabelKey = (key: string, t: TFunction): FieldError => {
  if (!key) return t('Enter a key.');
  const parts = key.split('/');
  if (parts.length > 2)
    return t("A key has at most one '/', between an optional prefix and the name.");
  const [first = '', second] = parts;
  const name = second ?? first;
  if (second !== undefined && !isDnsSubdomain(first)) {
    return t('The prefix before the slash must be a lowercase DNS subdomain such as example.com.');
  }
  if (name.length > 63) return t('The name part of the key must be at most 63 characters.');
  if (!QUALIFIED_NAME.test(name)) {
    return t("Use letters, digits, '-', '_' and '.', starting and ending with a letter or digit.");
  }
  return undefined;
};

/** A label or node-selector value: empty, or up to 63 of letters, digits, '-', '_', '.'. */
export const validateLabelValue = (value: string, t: TFunction): FieldError => {
  if (value.length > 63) return t('Use at most 63 characters.');
  if (!LABEL_VALUE.test(value)) {
    return t("Use letters, digits, '-', '_' and '.', starting and ending with a letter or digit.");
  }
  return undefined;
};

/** Keys must be unique in a key/value list. */
export const validateKeyValues = (
  rows: readonly KeyValue[],
  prefix: string,
  t: TFunction,
): Record<string, string> => {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    const keyError =
      validateLabelKey(key, t) ??
      (seen.has(key) ? t('This key is already used above.') : undefined);
    if (keyError) errors[`${prefix}.${index}.key`] = keyError;
    const valueError = validateLabelValue(row.value.trim(), t);
    if (valueError) errors[`${prefix}.${index}.value`] = valueError;
    seen.add(key);
  });
  return errors;
};

/** A route host: a lowercase DNS subdomain, no wildcard, no trailing dot. */
export const validateHostname = (host: string, t: TFunction): FieldError => {
  if (!host) return undefined;
  if (host.includes('*')) return t('Wildcard hosts are not allowed; enter one host name.');
  if (host.endsWith('.')) return t('Remove the trailing dot.');
  if (host.length > 253) return t('Use at most 253 characters.');
  if (host.split('.').some((label) => label.length > 63))
    return t('Each part between dots must be at most 63 characters.');
  if (!isDnsSubdomain(host)) {
    return t("Use lowercase letters, digits, '-' and '.', such as pipcache.apps.example.com.");
  }
  return undefined;
};

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

const isIpv6 = (text: string): boolean => {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || (text.match(/::/g) ?? []).length > 1) return false;
  const groups = text.split(':');
  if (text.includes('::')) return groups.length <= 8;
  return groups.length === 8 && groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g));
};

/** One CIDR such as 10.0.0.0/8 or 2001:db8::/32 (a bare address is accepted as a single host). */
export const validateCidr = (cidr: string, t: TFunction): FieldError => {
  const [address = '', prefix, extra] = cidr.split('/');
  const v4 = IPV4.test(address);
  const v6 = !v4 && isIpv6(address);
  const max = v4 ? 32 : 128;
  if (
    (!v4 && !v6) ||
    extra !== undefined ||
    (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) ||
    Number(prefix ?? 0) > max
  ) {
    return t('{{value}} is not a CIDR such as 10.0.0.0/8 or 2001:db8::/32.', { value: cidr });
  }
  return undefined;
};

/** A space-separated list of CIDRs. */
export const validateCidrList = (text: string, t: TFunction): FieldError => {
  for (const cidr of text.split(/\s+/).filter(Boolean)) {
    const error = validateCidr(cidr, t);
    if (error) return error;
  }
  return undefined;
};

/**
 * A devpi-server version: PEP 440 (in any spelling it normalises), within `>=6.11,<7` (devpi-init
 * exists from 6.0, the mirror credentials hook the start script's plugin answers from 6.11). The create form and the upgrade dialog both check with this.
 */
export const validateDevpiVersion = (version: string, t: TFunction): FieldError => {
  const check = checkDevpiVersion(version);
  switch (check.state) {
    case 'empty':
      return t('Enter a devpi-server version such as 6.19.1.');
    case 'invalid':
      return t(
        '“{{version}}” is not a version number (PEP 440). Enter one such as 6.19.1, 6.20.0rc1 or 6.19.1.post1.',
        { version: version.trim() },
      );
    case 'outside':
      return check.preReleaseOfFloor
        ? t(
            '{{version}} is a pre-release of 6.11, which comes before 6.11. Choose a devpi-server 6 release (6.11 or later, below 7).',
            { version: check.normalized },
          )
        : t('Choose a devpi-server 6 release (6.11 or later, below 7).');
    default:
      return undefined;
  }
};

/**
 * Says how a valid devpi-server version is pinned when PEP 440 writes it otherwise (for example
 * 6.19.1-beta as 6.19.1b0); undefined when it is pinned as typed or is not valid.
 */
export const devpiVersionNote = (version: string, t: TFunction): string | undefined => {
  const check = checkDevpiVersion(version);
  return check.state === 'ok' && check.changed
    ? t('Pinned as {{normalized}}, the normal form (PEP 440) of {{version}}.', {
        normalized: check.normalized,
        version: version.trim(),
      })
    : undefined;
};

/** The upstream index: an http(s) URL with no credentials in it (they go in the fields below). */
export const validateUpstreamUrl = (value: string, t: TFunction): FieldError => {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return t('Enter a URL such as https://pypi.example.com/simple/.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return t('Use an http:// or https:// URL.');
  if (url.username || url.password) {
    return t(
      'Remove the user name and password from the URL and enter them in the credential fields, which are kept in a Secret.',
    );
  }
  // devpi publishes its mirror URL to anyone who can read the index (GET /root/pypi): a token
  // in the query string or fragment would be public.
  if (value.includes('?') || value.includes('#')) {
    return t(
      'Remove the query string and fragment (after ? or #) from the URL: devpi shows its upstream URL to everyone. Enter credentials in the fields below, which are kept in a Secret.',
    );
  }
  return undefined;
};

/**
 * An HTTP(S) proxy: `http(s)://host[:port]` and nothing else. User info is refused (it would
 * sit in the Deployment's environment, which everyone who can read the Deployment sees), and so
 * is whitespace or anything after the address.
 */
export const validateProxyUrl = (value: string, t: TFunction): FieldError => {
  if (!value) return undefined;
  const example = t('Enter a proxy URL such as http://proxy.example.com:3128.');
  if (/\s/.test(value) || !/^https?:\/\/[^/?#]+\/?$/i.test(value)) return example;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return example;
  }
  if (value.slice(value.indexOf('//') + 2).includes('@') || url.username || url.password) {
    return t(
      'Remove the user name and password from the proxy URL: it is kept in the Deployment, which everyone who may read it sees. Use a proxy that admits the cluster without credentials.',
    );
  }
  return undefined;
};

const IMAGE_REFERENCE =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** An image reference such as quay.io/team/devpi:6.19.1 or one pinned by digest. */
export const validateImageReference = (value: string, t: TFunction): FieldError => {
  if (!value) return t('Enter an image such as quay.io/team/devpi-server:6.19.1.');
  if (value.length > 255 || !IMAGE_REFERENCE.test(value)) {
    return t('Enter an image reference such as quay.io/team/devpi-server:6.19.1.');
  }
  return undefined;
};

/** A git repository URL: https, http, ssh or scp-like (git@host:path). */
export const validateGitUrl = (value: string, t: TFunction): FieldError => {
  if (!value) return t('Enter the URL of a git repository.');
  if (/^[\w.-]+@[\w.-]+:[\w./~-]+$/.test(value)) return undefined;
  try {
    const url = new URL(value);
    if (
      ['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) &&
      url.hostname &&
      url.pathname.length > 1
    ) {
      return undefined;
    }
  } catch {
    // Falls through to the message below.
  }
  return t('Enter a git URL such as https://github.com/team/repo.git.');
};

/** Where devpi keeps its data: an absolute path that is not a system folder. */
export const validateDataPath = (value: string, t: TFunction): FieldError => {
  if (!value.startsWith('/')) return t('Enter an absolute path such as /opt/app-root/data.');
  if (
    value === '/' ||
    value.split('/').includes('..') ||
    /^\/(tmp|proc|sys|dev|etc)(\/|$)/.test(value)
  ) {
    return t('Choose a folder of its own, such as /opt/app-root/data.');
  }
  return undefined;
};

/** A whole number of seconds (empty = devpi's default). */
export const validateSeconds = (value: string, t: TFunction): FieldError => {
  if (!value) return undefined;
  return /^[1-9]\d{0,6}$/.test(value) ? undefined : t('Enter a whole number of seconds.');
};

/** Every field of the form, as the API server and devpi will judge them. Keys are field paths. */
export const validateValues = (
  values: PipCacheValues,
  namespace: string,
  t: TFunction,
  existingCaches: readonly string[] = [],
): Record<string, string> => {
  const errors: Record<string, string | undefined> = {};
  const generatedHost = values.route.enabled && !values.route.host;
  errors.name =
    validateName(values.name, namespace, t, generatedHost) ??
    (existingCaches.includes(values.name)
      ? t('A pip cache called {{name}} already exists in this project.', { name: values.name })
      : undefined);
  if (values.applicationGroup)
    errors.applicationGroup = validateLabelValue(values.applicationGroup, t);
  if (values.storage.kind === 'persistent') {
    errors['storage.size'] = validateQuantity(values.storage.size, 'storage', t);
    if (values.storage.storageClass && !isDnsSubdomain(values.storage.storageClass)) {
      errors['storage.storageClass'] = t('Choose a storage class from the list.');
    }
  }
  errors['storage.dataPath'] = validateDataPath(values.storage.dataPath, t);
  switch (values.image.source) {
    case 'build':
      if (!values.image.pythonTag) errors['image.pythonTag'] = t('Choose a Python version.');
      errors['image.devpiVersion'] = validateDevpiVersion(values.image.devpiVersion, t);
      break;
    case 'git':
      errors['image.gitUrl'] = validateGitUrl(values.image.gitUrl, t);
      if (!values.image.pythonTag) errors['image.pythonTag'] = t('Choose a Python version.');
      if (
        values.image.contextDir &&
        (values.image.contextDir.startsWith('/') ||
          values.image.contextDir.split('/').includes('..'))
      ) {
        errors['image.contextDir'] = t('Enter a folder inside the repository, such as src.');
      }
      break;
    case 'image':
      errors['image.reference'] = validateImageReference(values.image.reference, t);
      break;
  }
  errors['resources.memoryRequest'] = validateQuantity(values.resources.memoryRequest, 'memory', t);
  errors['resources.memoryLimit'] =
    validateQuantity(values.resources.memoryLimit, 'memory', t) ??
    validateRequestWithinLimit(values.resources.memoryRequest, values.resources.memoryLimit, t);
  errors['resources.cpuRequest'] = validateQuantity(values.resources.cpuRequest, 'cpu', t, false);
  errors['resources.cpuLimit'] =
    validateQuantity(values.resources.cpuLimit, 'cpu', t, false) ??
    validateRequestWithinLimit(values.resources.cpuRequest, values.resources.cpuLimit, t);
  Object.assign(errors, validateKeyValues(values.placement.build, 'placement.build', t));
  Object.assign(errors, validateKeyValues(values.placement.pods, 'placement.pods', t));
  Object.assign(errors, validateKeyValues(values.labels, 'labels', t));
  if (values.route.enabled) {
    errors['route.host'] = validateHostname(values.route.host, t);
    errors['route.allowedCidrs'] = validateCidrList(values.route.allowedCidrs, t);
  }
  errors['devpi.upstreamUrl'] = validateUpstreamUrl(values.devpi.upstreamUrl, t);
  if (values.devpi.upstreamPassword && !values.devpi.upstreamUsername) {
    errors['devpi.upstreamUsername'] = t('Enter the user name that goes with the password.');
  }
  errors['devpi.cacheExpiry'] = validateSeconds(values.devpi.cacheExpiry, t);
  errors['devpi.requestTimeout'] = validateSeconds(values.devpi.requestTimeout, t);
  if (values.proxy.enabled) {
    for (const field of ['httpProxy', 'httpsProxy'] as const) {
      errors[`proxy.${field}`] = validateProxyUrl(values.proxy[field], t);
    }
  }
  if (values.network.policy) {
    const bad = values.network.clientProjects
      .split(/\s+/)
      .filter(Boolean)
      .find((project) => !DNS1123_LABEL.test(project) || project.length > 63);
    if (bad)
      errors['network.clientProjects'] = t('{{value}} is not a project name.', { value: bad });
  }
  return Object.fromEntries(
    Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
};
