import { t } from '../../test-support/test-utils';
import {
  validateCidr,
  validateCidrList,
  validateDataPath,
  validateDevpiVersion,
  devpiVersionNote,
  validateGitUrl,
  validateHostname,
  validateImageReference,
  validateLabelKey,
  validateLabelValue,
  validateName,
  validateQuantity,
  validateRequestWithinLimit,
  validateSeconds,
  validateProxyUrl,
  validateUpstreamUrl,
  validateValues,
} from './validation';
import { defaultValues } from './values';

type Case = [string, () => string | undefined, RegExp | undefined];

const long = (n: number, char = 'a') => char.repeat(n);

/** Every bad input of issue 11 and its neighbours: what the field says, or that it accepts it. */
const CASES: Case[] = [
  ['name: fine', () => validateName('pipcache', 'demo', t), undefined],
  ['name: empty', () => validateName('', 'demo', t), /Enter a name/],
  ['name: capitals', () => validateName('PipCache', 'demo', t), /lowercase/],
  ['name: underscore', () => validateName('pip_cache', 'demo', t), /lowercase/],
  ['name: leading digit', () => validateName('1cache', 'demo', t), /start with a letter/],
  ['name: trailing dash', () => validateName('cache-', 'demo', t), /end with a letter or digit/],
  ['name: dot', () => validateName('pip.cache', 'demo', t), /lowercase/],
  ['name: 63 characters', () => validateName(long(63), 'demo', t), undefined],
  ['name: 64 characters', () => validateName(long(64), 'demo', t), /at most 63/],
  [
    'name: N-NS over 63 with a generated host',
    () => validateName(long(40), long(23, 'b'), t, true),
    /generated route host/,
  ],
  [
    'name: N-NS of 63 with a generated host',
    () => validateName(long(40), long(22, 'b'), t, true),
    undefined,
  ],
  [
    'name: N-NS over 63 with a custom host',
    () => validateName(long(40), long(30, 'b'), t, false),
    undefined,
  ],
  ['size: 512Mi', () => validateQuantity('512Mi', 'storage', t), undefined],
  ['size: 5Gi', () => validateQuantity('5Gi', 'storage', t), undefined],
  ['size: 2GB', () => validateQuantity('2GB', 'storage', t), /512Mi, 5Gi/],
  ['size: -1Gi', () => validateQuantity('-1Gi', 'storage', t), /greater than zero/],
  ['size: 0', () => validateQuantity('0', 'storage', t), /greater than zero/],
  ['size: 1.5.5Gi', () => validateQuantity('1.5.5Gi', 'storage', t), /512Mi, 5Gi/],
  ['size: 100 bytes', () => validateQuantity('100', 'storage', t), /at least 1Mi/],
  ['size: empty', () => validateQuantity('', 'storage', t), /Enter a value/],
  ['memory: 768Mi', () => validateQuantity('768Mi', 'memory', t), undefined],
  ['memory: 1G (decimal)', () => validateQuantity('1G', 'memory', t), undefined],
  ['cpu: 1.2.3', () => validateQuantity('1.2.3', 'cpu', t), /cores/],
  ['cpu: 500m', () => validateQuantity('500m', 'cpu', t), undefined],
  ['cpu: 0.5', () => validateQuantity('0.5', 'cpu', t), undefined],
  ['cpu: optional and empty', () => validateQuantity('', 'cpu', t, false), undefined],
  [
    'memory request above limit',
    () => validateRequestWithinLimit('1Gi', '768Mi', t),
    /not be larger than the limit/,
  ],
  [
    'memory request equal to limit',
    () => validateRequestWithinLimit('768Mi', '768Mi', t),
    undefined,
  ],
  ['cpu request above limit', () => validateRequestWithinLimit('2', '1500m', t), /not be larger/],
  ['label key: speed', () => validateLabelKey('speed', t), undefined],
  ['label key: prefixed', () => validateLabelKey('node-role.kubernetes.io/worker', t), undefined],
  ['label key: with a space', () => validateLabelKey('fast disk', t), /letters, digits/],
  ['label key: 64 characters', () => validateLabelKey(long(64), t), /at most 63/],
  ['label key: bad prefix', () => validateLabelKey('Example.COM/speed', t), /prefix/],
  ['label key: empty prefix', () => validateLabelKey('/speed', t), /prefix/],
  ['label key: two slashes', () => validateLabelKey('a/b/c', t), /at most one/],
  ['label key: empty', () => validateLabelKey('', t), /Enter a key/],
  ['label value: fast', () => validateLabelValue('fast', t), undefined],
  ['label value: empty', () => validateLabelValue('', t), undefined],
  ['label value: 64 characters', () => validateLabelValue(long(64), t), /at most 63/],
  ['label value: space', () => validateLabelValue('very fast', t), /letters, digits/],
  ['label value: leading dash', () => validateLabelValue('-fast', t), /starting and ending/],
  ['host: fine', () => validateHostname('pipcache.apps.example.com', t), undefined],
  [
    'host: underscore',
    () => validateHostname('pip_cache.apps.example.com', t),
    /lowercase letters/,
  ],
  ['host: wildcard', () => validateHostname('*.apps.example.com', t), /Wildcard/],
  ['host: trailing dot', () => validateHostname('pipcache.example.com.', t), /trailing dot/],
  [
    'host: 254 characters',
    () => validateHostname(`${long(60)}.${long(60)}.${long(60)}.${long(60)}.${long(10)}`, t),
    /at most 253/,
  ],
  ['host: label of 64', () => validateHostname(`${long(64)}.example.com`, t), /at most 63/],
  ['host: capitals', () => validateHostname('PipCache.example.com', t), /lowercase/],
  [
    'image: quay with tag',
    () => validateImageReference('quay.io/team/devpi-server:6.19.1', t),
    undefined,
  ],
  [
    'image: digest',
    () => validateImageReference(`registry.example.com:5000/devpi@sha256:${'a'.repeat(64)}`, t),
    undefined,
  ],
  [
    'image: capitals in repository',
    () => validateImageReference('quay.io/Team/devpi', t),
    /image reference/,
  ],
  [
    'image: spaces',
    () => validateImageReference('quay.io/team/devpi server', t),
    /image reference/,
  ],
  ['image: empty tag', () => validateImageReference('quay.io/team/devpi:', t), /image reference/],
  ['image: short digest', () => validateImageReference('devpi@sha256:abc', t), /image reference/],
  ['git: https', () => validateGitUrl('https://github.com/gonoph/pipcache.git', t), undefined],
  ['git: scp-like', () => validateGitUrl('git@github.com:gonoph/pipcache.git', t), undefined],
  ['git: no host', () => validateGitUrl('https:///repo.git', t), /git URL/],
  ['git: ftp', () => validateGitUrl('ftp://example.com/repo.git', t), /git URL/],
  ['git: words', () => validateGitUrl('my repo', t), /git URL/],
  ['data path: default', () => validateDataPath('/opt/app-root/data', t), undefined],
  ['data path: relative', () => validateDataPath('data', t), /absolute path/],
  ['data path: root', () => validateDataPath('/', t), /folder of its own/],
  ['data path: climbs out', () => validateDataPath('/opt/../etc', t), /folder of its own/],
  ['data path: /tmp', () => validateDataPath('/tmp/devpi', t), /folder of its own/],
  ['devpi: 6.19.1', () => validateDevpiVersion('6.19.1', t), undefined],
  ['devpi: 6.11', () => validateDevpiVersion('6.11', t), undefined],
  [
    'devpi: 6.0 (no mirror credentials hook)',
    () => validateDevpiVersion('6.0', t),
    /6\.11 or later/,
  ],
  ['devpi: 6.20.0rc1', () => validateDevpiVersion('6.20.0rc1', t), undefined],
  ['devpi: 5.5.0', () => validateDevpiVersion('5.5.0', t), /devpi-server 6 release/],
  ['devpi: 7.0.0', () => validateDevpiVersion('7.0.0', t), /devpi-server 6 release/],
  ['devpi: not PEP 440', () => validateDevpiVersion('6.x', t), /PEP 440/],
  ['devpi: latest', () => validateDevpiVersion('latest', t), /PEP 440/],
  ['devpi: empty', () => validateDevpiVersion('', t), /Enter a devpi-server version/],
  [
    'upstream: https',
    () => validateUpstreamUrl('https://nexus.example.com/repository/pypi/simple/', t),
    undefined,
  ],
  ['upstream: empty means PyPI', () => validateUpstreamUrl('', t), undefined],
  [
    'upstream: ftp',
    () => validateUpstreamUrl('ftp://mirror.example.com/simple/', t),
    /http:\/\/ or https:\/\//,
  ],
  [
    'upstream: javascript',
    () => validateUpstreamUrl('javascript:alert(1)', t),
    /http:\/\/ or https:\/\//,
  ],
  [
    'upstream: credentials in it',
    () => validateUpstreamUrl('https://bob:secret@nexus.example.com/simple/', t),
    /credential fields/,
  ],
  ['upstream: not a URL', () => validateUpstreamUrl('nexus', t), /Enter a URL/],
  [
    'upstream: token in the query string',
    () => validateUpstreamUrl('https://nexus.example.com/simple/?token=abc', t),
    /query string and fragment/,
  ],
  [
    'upstream: token in the fragment',
    () => validateUpstreamUrl('https://nexus.example.com/simple/#abc', t),
    /query string and fragment/,
  ],
  ['upstream: an empty query', () => validateUpstreamUrl('https://n.example.com/s/?', t), /query/],
  ['proxy: host and port', () => validateProxyUrl('http://proxy.example.com:3128', t), undefined],
  ['proxy: trailing slash', () => validateProxyUrl('https://proxy.example.com/', t), undefined],
  ['proxy: user info', () => validateProxyUrl('http://u:p@proxy.example.com:3128', t), /user name/],
  ['proxy: user only', () => validateProxyUrl('http://u@proxy.example.com', t), /user name/],
  ['proxy: whitespace', () => validateProxyUrl('http://proxy.example.com :3128', t), /proxy URL/],
  [
    'proxy: trailing junk',
    () => validateProxyUrl('http://proxy.example.com:3128 x', t),
    /proxy URL/,
  ],
  ['proxy: a path', () => validateProxyUrl('http://proxy.example.com/p', t), /proxy URL/],
  ['proxy: a query', () => validateProxyUrl('http://proxy.example.com/?a=b', t), /proxy URL/],
  ['proxy: newline', () => validateProxyUrl('http://proxy.example.com\nX: y', t), /proxy URL/],
  ['proxy: socks', () => validateProxyUrl('socks5://proxy.example.com:1080', t), /proxy URL/],
  ['cidr: 10.0.0.0/8', () => validateCidr('10.0.0.0/8', t), undefined],
  ['cidr: single address', () => validateCidr('192.168.1.10', t), undefined],
  ['cidr: IPv6', () => validateCidr('2001:db8::/32', t), undefined],
  ['cidr: prefix 33', () => validateCidr('10.0.0.0/33', t), /not a CIDR/],
  ['cidr: octet 256', () => validateCidr('256.0.0.0/8', t), /not a CIDR/],
  ['cidr: words', () => validateCidr('office', t), /not a CIDR/],
  [
    'cidr list: one bad among good',
    () => validateCidrList('10.0.0.0/8 10.0.0.0/99', t),
    /10.0.0.0\/99/,
  ],
  ['name: only digits', () => validateName('123', 'demo', t), /start with a letter/],
  ['name: unicode', () => validateName('caché', 'demo', t), /lowercase/],
  ['size: 1.5Gi', () => validateQuantity('1.5Gi', 'storage', t), undefined],
  ['size: 5 Gi (space)', () => validateQuantity('5 Gi', 'storage', t), /512Mi, 5Gi/],
  ['cpu: -1', () => validateQuantity('-1', 'cpu', t), /greater than zero|cores/],
  ['cpu: 2cores', () => validateQuantity('2cores', 'cpu', t), /cores/],
  ['label key: prefix of 254', () => validateLabelKey(`${long(254)}/speed`, t), /prefix/],
  ['label key: underscore prefix', () => validateLabelKey('my_corp.com/speed', t), /prefix/],
  ['label value: exclamation mark', () => validateLabelValue('fast!', t), /letters, digits/],
  ['label value: trailing dot', () => validateLabelValue('fast.', t), /starting and ending/],
  ['host: leading dash', () => validateHostname('-pip.example.com', t), /lowercase letters/],
  ['host: double dot', () => validateHostname('pip..example.com', t), /lowercase letters|empty/],
  ['image: leading slash', () => validateImageReference('/team/devpi', t), /image reference/],
  ['image: javascript', () => validateImageReference('javascript:alert(1)', t), /image reference/],
  ['git: javascript', () => validateGitUrl('javascript:alert(1)', t), /git URL/],
  ['git: file', () => validateGitUrl('file:///etc/passwd', t), /git URL/],
  // The start script quotes the path, so a space is harmless.
  ['data path: with a space', () => validateDataPath('/opt/app root', t), undefined],
  ['data path: /proc', () => validateDataPath('/proc/self', t), /folder of its own/],
  ['devpi: 6.19.1.post1', () => validateDevpiVersion('6.19.1.post1', t), undefined],
  ['devpi: 6..1 (not PEP 440)', () => validateDevpiVersion('6..1', t), /PEP 440/],
  ['devpi: 10.0', () => validateDevpiVersion('10.0', t), /devpi-server 6 release/],
  ['devpi: 6.19.1b0', () => validateDevpiVersion('6.19.1b0', t), undefined],
  ['devpi: 6.19.1-beta (normalised)', () => validateDevpiVersion('6.19.1-beta', t), undefined],
  ['devpi: v6.19.1 (normalised)', () => validateDevpiVersion('v6.19.1', t), undefined],
  [
    'devpi: 6.11rc1 (before 6.11)',
    () => validateDevpiVersion('6.11rc1', t),
    /pre-release of 6\.11/,
  ],
  ['devpi: 7.0.0rc1', () => validateDevpiVersion('7.0.0rc1', t), /devpi-server 6 release/],
  [
    'devpi: 6.19.1-beta-gamma',
    () => validateDevpiVersion('6.19.1-beta-gamma', t),
    /is not a version number \(PEP 440\)/,
  ],
  [
    'upstream: file',
    () => validateUpstreamUrl('file:///etc/pip.conf', t),
    /http:\/\/ or https:\/\//,
  ],
  [
    'upstream: user only',
    () => validateUpstreamUrl('https://bob@nexus.example.com/simple/', t),
    /credential fields/,
  ],
  ['cidr: IPv6 prefix 129', () => validateCidr('2001:db8::/129', t), /not a CIDR/],
  ['cidr: negative prefix', () => validateCidr('10.0.0.0/-1', t), /not a CIDR/],
  ['cidr: three octets', () => validateCidr('10.0.0/8', t), /not a CIDR/],
  ['seconds: 1800', () => validateSeconds('1800', t), undefined],
  ['seconds: 1.5', () => validateSeconds('1.5', t), /whole number/],
  ['seconds: -5', () => validateSeconds('-5', t), /whole number/],
];

describe('field validators', () => {
  it('cover at least 60 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(60));

  it.each(CASES)('%s', (_label, run, expected) => {
    const message = run();
    if (expected === undefined) expect(message).toBeUndefined();
    else expect(message).toMatch(expected);
  });
});

describe('devpiVersionNote', () => {
  it('says how a version is pinned when PEP 440 writes it otherwise, and only then', () => {
    expect(devpiVersionNote('6.19.1-beta', t)).toBe(
      'Pinned as 6.19.1b0, the normal form (PEP 440) of 6.19.1-beta.',
    );
    expect(devpiVersionNote(' V6.20.0-RC1 ', t)).toBe(
      'Pinned as 6.20.0rc1, the normal form (PEP 440) of V6.20.0-RC1.',
    );
    expect(devpiVersionNote('6.19.1b0', t)).toBeUndefined();
    expect(devpiVersionNote('6.19.1', t)).toBeUndefined();
    // Invalid or out of range: the error says so, not the note.
    expect(devpiVersionNote('7.0-beta', t)).toBeUndefined();
    expect(devpiVersionNote('six', t)).toBeUndefined();
  });
});

describe('validateValues', () => {
  const base = defaultValues({
    pythonTags: ['3.12-ubi9'],
    allowedStrategies: ['docker'],
    canBuild: true,
  });

  it('accepts the defaults', () => {
    expect(validateValues(base, 'demo', t)).toEqual({});
  });

  it('reports each bad field under its path and a name already taken', () => {
    const errors = validateValues(
      {
        ...base,
        name: 'taken',
        storage: { ...base.storage, kind: 'persistent', size: '2GB' },
        resources: { ...base.resources, memoryRequest: '1Gi', memoryLimit: '512Mi' },
        placement: {
          build: [
            { key: 'speed', value: 'fast' },
            { key: 'speed', value: 'slow' },
          ],
          pods: [{ key: 'bad key', value: 'x' }],
        },
        route: { ...base.route, host: '*.example.com', allowedCidrs: 'nope' },
        devpi: { ...base.devpi, upstreamUrl: 'https://u:p@x.example.com/simple/' },
      },
      'demo',
      t,
      ['taken'],
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        'devpi.upstreamUrl',
        'name',
        'placement.build.1.key',
        'placement.pods.0.key',
        'resources.memoryLimit',
        'route.allowedCidrs',
        'route.host',
        'storage.size',
      ].sort(),
    );
    expect(errors.name).toMatch(/already exists/);
  });

  it('checks the image fields of the chosen source only', () => {
    expect(
      validateValues(
        { ...base, image: { ...base.image, source: 'image', reference: '' } },
        'demo',
        t,
      ),
    ).toHaveProperty(['image.reference']);
    expect(
      validateValues(
        { ...base, image: { ...base.image, source: 'git', gitUrl: 'nope' } },
        'demo',
        t,
      ),
    ).toHaveProperty(['image.gitUrl']);
    expect(
      validateValues({ ...base, image: { ...base.image, devpiVersion: '7.1' } }, 'demo', t),
    ).toHaveProperty(['image.devpiVersion']);
  });
});
