import { RECOMMENDED_REQUEST_TIMEOUT, RECOMMENDED_RESOURCES } from './sizing';

/** Form values of a cache: what the create form edits and what the values annotation records. */

export type StorageKind = 'ephemeral' | 'persistent';
export type ImageSourceKind = 'build' | 'git' | 'image';
export type BuildStrategyKind = 'docker' | 's2i';
export type InsecureEdgePolicy = 'Redirect' | 'Allow';

/** One row of a key/value editor (node selectors, labels). */
export interface KeyValue {
  key: string;
  value: string;
}

export interface PipCacheValues {
  name: string;
  /** `app.kubernetes.io/part-of`, so the console's Topology groups the parts; empty = the name. */
  applicationGroup: string;
  storage: {
    kind: StorageKind;
    size: string;
    storageClass: string;
    dataPath: string;
  };
  image: {
    source: ImageSourceKind;
    /** Build in the cluster: tag of `python` in `openshift`, pinned devpi-server, strategy. */
    pythonTag: string;
    devpiVersion: string;
    strategy: BuildStrategyKind;
    /** Git source (the original templates' way): repository, ref, folder, webhook. */
    gitUrl: string;
    gitRef: string;
    contextDir: string;
    githubWebhook: boolean;
    /** An existing image with devpi-server in it: no build at all. */
    reference: string;
  };
  resources: {
    memoryRequest: string;
    memoryLimit: string;
    cpuRequest: string;
    cpuLimit: string;
  };
  placement: {
    build: KeyValue[];
    pods: KeyValue[];
  };
  route: {
    enabled: boolean;
    /** Empty = the cluster generates `<name>-<namespace>.<apps domain>`. */
    host: string;
    insecureEdgeTermination: InsecureEdgePolicy;
    /** CIDRs that may reach the Route, space-separated; empty = everyone. */
    allowedCidrs: string;
  };
  devpi: {
    /** Empty = PyPI. */
    upstreamUrl: string;
    upstreamUsername: string;
    /** Kept only in the Secret: never in the annotation, the preview or the UI after create. */
    upstreamPassword: string;
    /** Seconds before devpi asks the upstream again about a project (devpi default 1800). */
    cacheExpiry: string;
    /** Seconds devpi waits for the upstream (devpi default 5). */
    requestTimeout: string;
    offline: boolean;
  };
  proxy: {
    enabled: boolean;
    httpProxy: string;
    httpsProxy: string;
    noProxy: string;
    trustedCa: boolean;
  };
  network: {
    policy: boolean;
    /** Projects whose build pods may use the cache, space-separated; empty = every project. */
    clientProjects: string;
  };
  labels: KeyValue[];
}

/** The devpi-server release the build pins by default: the newest 6.x this plugin knows. */
export const DEFAULT_DEVPI_VERSION = '6.19.1';
export const DEFAULT_DATA_PATH = '/opt/app-root/data';
/** The original templates' source repository, for the git image source. */
export const ORIGINAL_GIT_URL = 'https://github.com/gonoph/pipcache.git';

/** What the cluster tells the form before it fills in defaults. */
export interface ClusterFacts {
  /** Tags of `python` in `openshift` (may be empty when the samples are absent). */
  pythonTags: string[];
  /** Build strategies the user may run (access reviews on builds/docker and builds/source). */
  allowedStrategies: BuildStrategyKind[];
  /** Whether the build API exists and the user may create BuildConfigs. */
  canBuild: boolean;
  /** The cluster-wide proxy, when the cluster has one. */
  proxy?: { httpProxy: string; httpsProxy: string; noProxy: string };
}

const pythonVersion = (tag: string): [number, number] | undefined => {
  const match = /^(\d+)\.(\d+)/.exec(tag);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
};

/** Tags of the python image stream that devpi-server 6.19 runs on (Python 3.9 or later), newest first. */
export const usablePythonTags = (tags: readonly string[]): string[] =>
  tags
    .filter((tag) => {
      const version = pythonVersion(tag);
      return version !== undefined && (version[0] > 3 || (version[0] === 3 && version[1] >= 9));
    })
    .sort((a, b) => {
      const [am = 0, an = 0] = pythonVersion(a) ?? [];
      const [bm = 0, bn = 0] = pythonVersion(b) ?? [];
      return (
        bm - am ||
        bn - an ||
        (a.includes('ubi9') ? -1 : b.includes('ubi9') ? 1 : a.localeCompare(b))
      );
    });

/** Default values for a new cache, given what the cluster offers. */
export const defaultValues = (
  facts: ClusterFacts = { pythonTags: [], allowedStrategies: ['docker', 's2i'], canBuild: true },
): PipCacheValues => {
  const tags = usablePythonTags(facts.pythonTags);
  const canBuild = facts.canBuild && tags.length > 0 && facts.allowedStrategies.length > 0;
  return {
    name: 'pipcache',
    applicationGroup: '',
    storage: { kind: 'ephemeral', size: '5Gi', storageClass: '', dataPath: DEFAULT_DATA_PATH },
    image: {
      source: canBuild ? 'build' : 'image',
      pythonTag: tags[0] ?? '',
      devpiVersion: DEFAULT_DEVPI_VERSION,
      strategy: facts.allowedStrategies.includes('docker') ? 'docker' : 's2i',
      gitUrl: ORIGINAL_GIT_URL,
      gitRef: '',
      contextDir: 'src',
      githubWebhook: false,
      reference: '',
    },
    // Sized for a wave of builds, not for an idle cache: see RECOMMENDED_RESOURCES.
    resources: { ...RECOMMENDED_RESOURCES },
    placement: { build: [], pods: [] },
    route: { enabled: true, host: '', insecureEdgeTermination: 'Redirect', allowedCidrs: '' },
    devpi: {
      upstreamUrl: '',
      upstreamUsername: '',
      upstreamPassword: '',
      cacheExpiry: '',
      requestTimeout: RECOMMENDED_REQUEST_TIMEOUT,
      offline: false,
    },
    proxy: {
      enabled: facts.proxy !== undefined,
      httpProxy: facts.proxy?.httpProxy ?? '',
      httpsProxy: facts.proxy?.httpsProxy ?? '',
      noProxy: facts.proxy?.noProxy ?? '',
      trustedCa: facts.proxy !== undefined,
    },
    network: { policy: false, clientProjects: '' },
    labels: [],
  };
};

/** A key/value list as a map, dropping rows with an empty key. */
export const toMap = (rows: readonly KeyValue[]): Record<string, string> =>
  Object.fromEntries(
    rows.filter((row) => row.key.trim()).map((row) => [row.key.trim(), row.value.trim()]),
  );

/** A map as key/value rows, keys sorted. */
export const toRows = (map: Record<string, string> | undefined | null): KeyValue[] =>
  Object.keys(map ?? {})
    .sort()
    .map((key) => ({ key, value: map?.[key] ?? '' }));
