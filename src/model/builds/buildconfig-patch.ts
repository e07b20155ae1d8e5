import {
  ANNOTATION_PREVIOUS_ENV,
  ANNOTATION_USES,
  type BuildConfig,
  type EnvEntry,
  arrayOf,
  boolean,
  DNS1123_SUBDOMAIN,
  integer,
  object,
  oneOf,
  readRecord,
  recordOf,
  text,
  type RecordRead,
} from '../shared';
import { pipEnvEntries } from './snippets';

/** One RFC 6902 operation, as `k8sPatch` sends it. */
export interface PatchOperation {
  op: 'add' | 'remove' | 'replace' | 'test';
  path: string;
  value?: unknown;
}

/** The variables "use a cache" manages; their previous values are recorded and restored. */
export const MANAGED_ENV = [
  'PIP_INDEX_URL',
  'PIP_TRUSTED_HOST',
  'PIP_RETRIES',
  'UV_DEFAULT_INDEX',
] as const;

/** What the previous-env annotation records: each managed entry as it was, where it was. */
export interface PreviousEnv {
  envAbsent: boolean;
  /** Whether the BuildConfig had no annotations at all, so that "stop" removes the map again. */
  annotationsAbsent?: boolean;
  entries: { index: number; entry: EnvEntry }[];
}

/** Escapes a JSON Pointer segment (`~` → `~0`, `/` → `~1`). */
export const pointerSegment = (segment: string): string =>
  segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON Pointer of a BuildConfig's strategy env, or undefined for strategies that have none we manage. */
export const envPath = (buildConfig: BuildConfig): string | undefined => {
  switch (buildConfig.spec.strategy.type) {
    case 'Source':
      return '/spec/strategy/sourceStrategy/env';
    case 'Docker':
      return '/spec/strategy/dockerStrategy/env';
    default:
      return undefined;
  }
};

const strategyOf = (buildConfig: BuildConfig) =>
  buildConfig.spec.strategy.type === 'Source'
    ? buildConfig.spec.strategy.sourceStrategy
    : buildConfig.spec.strategy.dockerStrategy;

/** The env entries of a BuildConfig's strategy (empty when it has none). */
export const strategyEnv = (buildConfig: BuildConfig): EnvEntry[] =>
  strategyOf(buildConfig)?.env ?? [];

const isManaged = (name: string): boolean => (MANAGED_ENV as readonly string[]).includes(name);

/** Which cache a BuildConfig uses, from the contract's annotation (`namespace/name`). */
export const usedCache = (
  buildConfig: BuildConfig,
): { namespace: string; name: string } | undefined =>
  usedCacheOf(buildConfig.metadata.annotations ?? undefined);

const keyRef = object<{ name: string; key: string; optional?: boolean }>(
  {
    name: text({ max: 253, pattern: DNS1123_SUBDOMAIN }),
    key: text({ max: 253, pattern: /^[-._a-zA-Z0-9]+$/ }),
    optional: boolean,
  },
  ['optional'],
);

/** A managed variable as recorded: a plain value, or a reference to a Secret or ConfigMap key. */
const managedEntry = object<EnvEntry>(
  {
    name: oneOf(MANAGED_ENV),
    // An env value is data for pip, never a command line: any printable text of a sane size.
    value: text({ max: 4096, free: true }),
    valueFrom: object<{ secretKeyRef?: unknown; configMapKeyRef?: unknown }>(
      { secretKeyRef: keyRef, configMapKeyRef: keyRef },
      ['secretKeyRef', 'configMapKeyRef'],
    ),
  },
  ['value', 'valueFrom'],
);

const previousParser = object<PreviousEnv>(
  {
    envAbsent: boolean,
    annotationsAbsent: boolean,
    entries: arrayOf(
      object<PreviousEnv['entries'][number]>({ index: integer(0, 1000), entry: managedEntry }),
      MANAGED_ENV.length,
    ),
  },
  ['annotationsAbsent'],
);

/**
 * The previous-env annotation, parsed: only the managed pip variables, each once, with values
 * of a sane size; anything else makes the record damaged.
 */
export const readPreviousEnvRecord = (
  annotations: Record<string, string> | undefined,
): RecordRead<PreviousEnv> => {
  const read = readRecord(annotations?.[ANNOTATION_PREVIOUS_ENV], previousParser, 16_384);
  if (read.state !== 'ok') return read;
  const names = read.record.entries.map(({ entry }) => entry.name);
  const twice = names.findIndex((name, index) => names.indexOf(name) !== index);
  if (twice >= 0)
    return {
      state: 'damaged',
      problems: [{ path: `entries.${twice}.entry.name`, reason: 'value' }],
    };
  const both = read.record.entries.findIndex(
    ({ entry }) => entry.value !== undefined && entry.valueFrom !== undefined,
  );
  if (both >= 0)
    return { state: 'damaged', problems: [{ path: `entries.${both}.entry`, reason: 'value' }] };
  return read;
};

/** The previous-env annotation, read; undefined when absent or damaged. */
export const readPreviousAnnotation = (
  annotations: Record<string, string> | undefined,
): PreviousEnv | undefined => recordOf(readPreviousEnvRecord(annotations));

/**
 * What "stop using" restores: the record when it is sound; nothing when it is damaged (the
 * managed variables are removed and none is put back); undefined when there is no record.
 */
export const previousForStop = (
  annotations: Record<string, string> | undefined,
): PreviousEnv | undefined => {
  const read = readPreviousEnvRecord(annotations);
  if (read.state === 'ok') return read.record;
  return read.state === 'damaged' ? { envAbsent: false, entries: [] } : undefined;
};

/** The strategy env after "use": managed entries set in place or appended, stale ones dropped. */
export const envUsingCache = (current: readonly EnvEntry[], indexUrl: string): EnvEntry[] => {
  const wanted = pipEnvEntries(indexUrl).concat({ name: 'UV_DEFAULT_INDEX', value: indexUrl });
  const wantedByName = new Map(wanted.map((entry) => [entry.name, entry]));
  const next: EnvEntry[] = [];
  for (const entry of current) {
    if (!isManaged(entry.name)) next.push(entry);
    else {
      const replacement = wantedByName.get(entry.name);
      if (replacement) {
        next.push(replacement);
        wantedByName.delete(entry.name);
      }
    }
  }
  return [...next, ...wantedByName.values()];
};

const annotationOps = (
  existing: Record<string, string> | undefined,
  annotations: Record<string, string>,
): PatchOperation[] => {
  if (!existing) return [{ op: 'add', path: '/metadata/annotations', value: annotations }];
  return Object.entries(annotations).map(([key, value]) => ({
    op: 'add',
    path: `/metadata/annotations/${pointerSegment(key)}`,
    value,
  }));
};

/**
 * Where an object keeps the env "use a cache" manages: the JSON Pointer of the env array, the
 * nearest existing ancestor the env would be added under (with its current value, which guards
 * the patch when the env is absent), and the object's annotations.
 */
export interface EnvHolder {
  envPath: string;
  /** The env as it is, or undefined when the object has none yet. */
  env: EnvEntry[] | undefined;
  /** The nearest ancestor of the env that exists: its pointer and value. */
  anchor: { path: string; value: unknown };
  /** What to add at `anchor.path` + the rest of `envPath` when the env is absent (the env itself, or an object holding it). */
  wrapEnv: (env: EnvEntry[]) => { path: string; value: unknown };
  annotations: Record<string, string> | undefined;
}

/**
 * JSON Patch for any env holder: sets the managed variables, records the entries it replaces
 * (once, so switching caches still restores the original), and guards what it read with a
 * `test` op, so a concurrent edit fails the patch instead of being overwritten.
 */
export const cacheEnvPatch = (
  holder: EnvHolder,
  cache: { namespace: string; name: string },
  indexUrl: string,
): PatchOperation[] => {
  const current = holder.env;
  const recorded = readPreviousEnvRecord(holder.annotations);
  // A damaged record is replaced. While a cache is in use the managed entries are the cache's,
  // not the holder's own, so there is nothing of its own left to record.
  const ownEntries =
    recorded.state === 'damaged' && usedCacheOf(holder.annotations)
      ? []
      : (current ?? []).flatMap((entry, index) =>
          isManaged(entry.name) ? [{ index, entry }] : [],
        );
  const previous: PreviousEnv =
    recorded.state === 'ok'
      ? recorded.record
      : {
          envAbsent: current === undefined,
          annotationsAbsent: holder.annotations === undefined,
          entries: ownEntries,
        };
  const next = envUsingCache(current ?? [], indexUrl);
  const change: PatchOperation[] =
    current === undefined
      ? [
          { op: 'test', path: holder.anchor.path, value: holder.anchor.value },
          { op: 'add', ...holder.wrapEnv(next) },
        ]
      : [
          { op: 'test', path: holder.envPath, value: current },
          { op: 'replace', path: holder.envPath, value: next },
        ];
  return [
    ...change,
    ...annotationOps(holder.annotations, {
      [ANNOTATION_USES]: `${cache.namespace}/${cache.name}`,
      [ANNOTATION_PREVIOUS_ENV]: JSON.stringify(previous),
    }),
  ];
};

/** The env holder of a BuildConfig's Source or Docker strategy, or undefined for other strategies. */
export const buildConfigEnvHolder = (buildConfig: BuildConfig): EnvHolder | undefined => {
  const path = envPath(buildConfig);
  const strategy = strategyOf(buildConfig);
  if (!path || !strategy) return undefined;
  const strategyPath = path.replace(/\/env$/, '');
  return {
    envPath: path,
    env: strategy.env,
    anchor: { path: strategyPath, value: strategy },
    wrapEnv: (env) => ({ path, value: env }),
    annotations: buildConfig.metadata.annotations ?? undefined,
  };
};

/**
 * JSON Patch that points a BuildConfig's Source or Docker build at a cache (see
 * `cacheEnvPatch`). Undefined for strategies without an env we manage.
 */
export const cacheUsePatch = (
  buildConfig: BuildConfig,
  cache: { namespace: string; name: string },
  indexUrl: string,
): PatchOperation[] | undefined => {
  const holder = buildConfigEnvHolder(buildConfig);
  return holder ? cacheEnvPatch(holder, cache, indexUrl) : undefined;
};

/** The strategy env after "stop using": managed entries removed, the recorded ones put back where they were. */
export const envRestored = (
  current: readonly EnvEntry[],
  previous: PreviousEnv,
): EnvEntry[] | undefined => {
  const restored = current.filter((entry) => !isManaged(entry.name));
  for (const { index, entry } of [...previous.entries].sort((a, b) => a.index - b.index)) {
    restored.splice(Math.min(index, restored.length), 0, entry);
  }
  return previous.envAbsent && restored.length === 0 ? undefined : restored;
};

/** Which cache an env holder's annotations say it uses (`namespace/name`). */
export const usedCacheOf = (
  annotations: Record<string, string> | undefined,
): { namespace: string; name: string } | undefined => {
  const value = annotations?.[ANNOTATION_USES];
  // Project and cache names as the API server allows them, nothing else.
  const match =
    typeof value === 'string' && value.length <= 127
      ? /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)\/([a-z]([-a-z0-9]{0,61}[a-z0-9])?)$/.exec(value)
      : null;
  return match ? { namespace: match[1] ?? '', name: match[3] ?? '' } : undefined;
};

/**
 * JSON Patch that undoes "use" on any env holder: restores exactly the recorded managed entries
 * (or removes the env the plugin added), drops the contract's annotations, and is guarded like
 * `cacheEnvPatch`. Undefined when the holder does not use a cache through this plugin.
 */
export const stopUsingEnvPatch = (holder: EnvHolder): PatchOperation[] | undefined => {
  const previous = previousForStop(holder.annotations);
  if (!previous || !usedCacheOf(holder.annotations)) return undefined;
  const current = holder.env ?? [];
  const restored = envRestored(current, previous);
  const ops: PatchOperation[] = [{ op: 'test', path: holder.envPath, value: current }];
  if (restored === undefined) ops.push({ op: 'remove', path: holder.envPath });
  else ops.push({ op: 'replace', path: holder.envPath, value: restored });
  const ours = [ANNOTATION_USES, ANNOTATION_PREVIOUS_ENV];
  const others = Object.keys(holder.annotations ?? {}).filter((key) => !ours.includes(key));
  if (previous.annotationsAbsent && others.length === 0) {
    ops.push({ op: 'remove', path: '/metadata/annotations' });
  } else {
    for (const key of ours)
      ops.push({ op: 'remove', path: `/metadata/annotations/${pointerSegment(key)}` });
  }
  return ops;
};

/**
 * JSON Patch that undoes "use" on a BuildConfig (see `stopUsingEnvPatch`). Undefined when the
 * BuildConfig does not use a cache through this plugin.
 */
export const stopUsingCachePatch = (buildConfig: BuildConfig): PatchOperation[] | undefined => {
  const holder = buildConfigEnvHolder(buildConfig);
  return holder ? stopUsingEnvPatch(holder) : undefined;
};
