import {
  CONTRACT_SCHEMA,
  OLDEST_READABLE_SCHEMA,
  arrayOf,
  boolean,
  integer,
  object,
  oneOf,
  readRecord,
  recordOf,
  text,
  type Parser,
  type RecordRead,
} from '../shared';
import type { KeyValue, PipCacheValues } from './values';

/** The values annotation: the form values that made or last edited the cache, secrets excluded. */
export const toValuesAnnotation = (values: PipCacheValues): string =>
  JSON.stringify({
    schema: CONTRACT_SCHEMA,
    ...values,
    devpi: { ...values.devpi, upstreamPassword: '' },
  });

/** Each field of the annotation may be missing (an older plugin wrote it), never anything else. */
type Recorded<T> = {
  [K in keyof T]?: T[K] extends KeyValue[] ? T[K] : T[K] extends object ? Recorded<T[K]> : T[K];
};

interface RecordedValues extends Recorded<PipCacheValues> {
  schema: number;
}

/** Longest string any field may hold: a URL, a host list or a CIDR list. */
const LONG = 2048;
const short = text({ max: 253 });
const long = text({ max: LONG });
const every = <T extends object>(shape: { [K in keyof T]-?: Parser<Exclude<T[K], undefined>> }) =>
  object<T>(shape, Object.keys(shape) as (keyof T)[]);

const rows: Parser<KeyValue[]> = arrayOf(
  object<KeyValue>({ key: text({ max: 316 }), value: text({ max: 63 }) }),
  64,
);

const valuesParser = object<RecordedValues>(
  {
    schema: integer(OLDEST_READABLE_SCHEMA, CONTRACT_SCHEMA),
    name: text({ max: 63 }),
    applicationGroup: text({ max: 63 }),
    storage: every<Recorded<PipCacheValues['storage']>>({
      kind: oneOf(['ephemeral', 'persistent'] as const),
      size: text({ max: 32 }),
      storageClass: short,
      dataPath: text({ max: 1024 }),
    }),
    image: every<Recorded<PipCacheValues['image']>>({
      source: oneOf(['build', 'git', 'image'] as const),
      pythonTag: text({ max: 128 }),
      devpiVersion: text({ max: 64 }),
      strategy: oneOf(['docker', 's2i'] as const),
      gitUrl: long,
      gitRef: text({ max: 256 }),
      contextDir: text({ max: 1024 }),
      githubWebhook: boolean,
      reference: text({ max: 512 }),
    }),
    resources: every<Recorded<PipCacheValues['resources']>>({
      memoryRequest: text({ max: 32 }),
      memoryLimit: text({ max: 32 }),
      cpuRequest: text({ max: 32 }),
      cpuLimit: text({ max: 32 }),
    }),
    placement: every<Recorded<PipCacheValues['placement']>>({ build: rows, pods: rows }),
    route: every<Recorded<PipCacheValues['route']>>({
      enabled: boolean,
      host: short,
      insecureEdgeTermination: oneOf(['Redirect', 'Allow'] as const),
      allowedCidrs: long,
    }),
    devpi: every<Recorded<PipCacheValues['devpi']>>({
      upstreamUrl: long,
      upstreamUsername: short,
      // The password never belongs in the annotation: a recorded one is a damaged record.
      upstreamPassword: text({ max: 0 }),
      cacheExpiry: text({ max: 16 }),
      requestTimeout: text({ max: 16 }),
      offline: boolean,
    }),
    proxy: every<Recorded<PipCacheValues['proxy']>>({
      enabled: boolean,
      httpProxy: long,
      httpsProxy: long,
      noProxy: long,
      trustedCa: boolean,
    }),
    network: every<Recorded<PipCacheValues['network']>>({
      policy: boolean,
      clientProjects: long,
    }),
    labels: rows,
  },
  [
    'name',
    'applicationGroup',
    'storage',
    'image',
    'resources',
    'placement',
    'route',
    'devpi',
    'proxy',
    'network',
    'labels',
  ],
);

/** The most characters a values annotation may have. */
export const MAX_VALUES_CHARS = 65_536;

/**
 * Reads the values annotation with its schema over a base of defaults: missing fields keep the
 * base (an annotation of an older plugin still opens); a field of the wrong type, an unknown
 * field, an oversized or unsafe string, or another schema makes the record damaged.
 */
export const readValuesAnnotation = (
  textValue: string | undefined,
  base: PipCacheValues,
): RecordRead<PipCacheValues> => {
  const read = readRecord(textValue, valuesParser, MAX_VALUES_CHARS);
  if (read.state !== 'ok') return read;
  const recorded = read.record;
  const values: PipCacheValues = {
    ...base,
    ...(recorded.name !== undefined ? { name: recorded.name } : {}),
    ...(recorded.applicationGroup !== undefined
      ? { applicationGroup: recorded.applicationGroup }
      : {}),
    storage: { ...base.storage, ...recorded.storage },
    image: { ...base.image, ...recorded.image },
    resources: { ...base.resources, ...recorded.resources },
    placement: { ...base.placement, ...recorded.placement },
    route: { ...base.route, ...recorded.route },
    devpi: { ...base.devpi, ...recorded.devpi, upstreamPassword: '' },
    proxy: { ...base.proxy, ...recorded.proxy },
    network: { ...base.network, ...recorded.network },
    labels: recorded.labels ?? base.labels,
  };
  return { state: 'ok', record: values };
};

/** The values annotation over a base of defaults; undefined when it is missing or damaged. */
export const fromValuesAnnotation = (
  textValue: string | undefined,
  base: PipCacheValues,
): PipCacheValues | undefined => recordOf(readValuesAnnotation(textValue, base));
