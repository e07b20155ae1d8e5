import { pointerSegment, type PatchOperation } from '../builds';
import {
  ANNOTATION_PREFIX,
  contractLabels,
  LABEL_PART_OF,
  type Deployment,
  type PersistentVolumeClaim,
  type Pod,
  KINDS,
  typeMeta,
  arrayOf,
  DNS1123_LABEL,
  DNS1123_SUBDOMAIN,
  integer,
  LABEL_KEY,
  LABEL_VALUE,
  mapOf,
  object,
  oneOf,
  QUANTITY,
  readRecord,
  recordOf,
  text,
  type RecordProblem,
  type RecordRead,
} from '../shared';
import type { PipCacheValues } from '../cache';

/** On the Deployment while the cache is being emptied: what to finish after a failure half way. */
export const ANNOTATION_EMPTYING = `${ANNOTATION_PREFIX}emptying`;

/** The steps of emptying a persistent cache, in order. */
export const EMPTY_STEPS = ['scale-down', 'delete-claim', 'create-claim', 'scale-up'] as const;
export type EmptyStep = (typeof EMPTY_STEPS)[number];

/** The spec fields of a claim the plugin owns: the rest is the cluster's. */
export interface ClaimSpecOfOurs {
  accessModes: AccessMode[];
  resources: { requests: { storage: string } };
  storageClassName?: string;
  volumeMode?: 'Filesystem' | 'Block';
}

const ACCESS_MODES = [
  'ReadWriteOnce',
  'ReadWriteMany',
  'ReadOnlyMany',
  'ReadWriteOncePod',
] as const;
type AccessMode = (typeof ACCESS_MODES)[number];

/** The claim an emptying creates again, as its record keeps it. */
export interface RecordedClaim {
  apiVersion: 'v1';
  kind: 'PersistentVolumeClaim';
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec: ClaimSpecOfOurs;
}

/** What the emptying annotation records: enough to finish the job from any step. */
export interface EmptyingRecord {
  /** Replicas to scale back to. */
  replicas: number;
  /** The uid of the claim holding the packages: only that claim is deleted. */
  claimUid: string;
  /** The claim to create again: name, labels and the spec fields the plugin owns. */
  claim: RecordedClaim;
}

/** The most replicas a record may ask to scale back to (devpi runs one pod on a RWO volume). */
const MAX_REPLICAS = 10;

const claimParser = object<RecordedClaim>({
  apiVersion: oneOf(['v1'] as const),
  kind: oneOf(['PersistentVolumeClaim'] as const),
  metadata: object<RecordedClaim['metadata']>(
    {
      name: text({ max: 253, pattern: DNS1123_SUBDOMAIN }),
      namespace: text({ max: 63, pattern: DNS1123_LABEL }),
      labels: mapOf(
        text({ max: 316, pattern: LABEL_KEY }),
        text({ max: 63, pattern: LABEL_VALUE }),
        64,
      ),
    },
    ['namespace', 'labels'],
  ),
  spec: object<ClaimSpecOfOurs>(
    {
      accessModes: arrayOf(oneOf(ACCESS_MODES), 4),
      resources: object<ClaimSpecOfOurs['resources']>({
        requests: object<ClaimSpecOfOurs['resources']['requests']>({
          storage: text({ max: 32, pattern: QUANTITY }),
        }),
      }),
      storageClassName: text({ max: 253, pattern: DNS1123_SUBDOMAIN }),
      volumeMode: oneOf(['Filesystem', 'Block'] as const),
    },
    ['storageClassName', 'volumeMode'],
  ),
});

const emptyingParser = object<EmptyingRecord>({
  replicas: integer(1, MAX_REPLICAS),
  // Empty when the claim was already gone as the job started: then nothing is deleted.
  claimUid: text({ max: 64, pattern: /^(|[A-Za-z0-9][-A-Za-z0-9]{0,63})$/ }),
  claim: claimParser,
});

/** The contract's name of a cache's claim. */
export const claimNameOf = (cacheName: string): string => `${cacheName}-data`;

/**
 * The emptying left half way on a Deployment, parsed: absent, sound, or damaged. A record is
 * sound only when its claim is the cache's own: the contract's name, in the Deployment's
 * namespace.
 */
export const readEmptyingRecord = (deployment: Deployment): RecordRead<EmptyingRecord> => {
  const read = readRecord(
    deployment.metadata?.annotations?.[ANNOTATION_EMPTYING],
    emptyingParser,
    16_384,
  );
  if (read.state !== 'ok') return read;
  const { claim } = read.record;
  const problems: RecordProblem[] = [];
  if (claim.metadata.name !== claimNameOf(deployment.metadata?.name ?? ''))
    problems.push({ path: 'claim.metadata.name', reason: 'value' });
  if (
    claim.metadata.namespace !== undefined &&
    claim.metadata.namespace !== deployment.metadata?.namespace
  )
    problems.push({ path: 'claim.metadata.namespace', reason: 'value' });
  return problems.length ? { state: 'damaged', problems } : read;
};

/** The emptying left half way on a Deployment, if its record is sound. */
export const readEmptying = (deployment: Deployment): EmptyingRecord | undefined =>
  recordOf(readEmptyingRecord(deployment));

/** Labels the plugin sets on a cache's claim, whatever a record says. */
const contractClaimLabels = (cacheName: string, partOf: string | undefined) =>
  contractLabels(cacheName, 'cache', partOf && LABEL_VALUE.test(partOf) ? partOf : cacheName);

/**
 * The claim an emptying creates, rebuilt from the plugin's rules: the Deployment's namespace,
 * the contract's name and labels, and only the spec fields the plugin owns from the record.
 */
export const claimToCreate = (
  deployment: Deployment,
  record: EmptyingRecord,
): PersistentVolumeClaim => {
  const cacheName = deployment.metadata?.name ?? '';
  const recorded = record.claim;
  const spec = recorded.spec;
  return {
    ...typeMeta(KINDS.PersistentVolumeClaim),
    metadata: {
      name: claimNameOf(cacheName),
      namespace: deployment.metadata?.namespace,
      labels: {
        ...(recorded.metadata.labels ?? {}),
        ...contractClaimLabels(cacheName, recorded.metadata.labels?.[LABEL_PART_OF]),
      },
    },
    spec: {
      accessModes: [...spec.accessModes],
      resources: { requests: { storage: spec.resources.requests.storage } },
      ...(spec.storageClassName ? { storageClassName: spec.storageClassName } : {}),
      ...(spec.volumeMode ? { volumeMode: spec.volumeMode } : {}),
    },
  };
};

/** A claim as new: same name and labels, and only the spec fields the plugin owns. */
export const freshClaim = (pvc: PersistentVolumeClaim): RecordedClaim => {
  const spec = pvc.spec ?? {};
  const modes = (spec.accessModes ?? []).filter((mode): mode is AccessMode =>
    (ACCESS_MODES as readonly string[]).includes(mode),
  );
  const storage = spec.resources?.requests?.storage;
  return {
    ...typeMeta(KINDS.PersistentVolumeClaim),
    metadata: {
      name: pvc.metadata?.name ?? '',
      ...(pvc.metadata?.namespace ? { namespace: pvc.metadata.namespace } : {}),
      ...(pvc.metadata?.labels ? { labels: pvc.metadata.labels } : {}),
    },
    spec: {
      // The old binding goes with the old claim; the provisioner gives the new one a new volume.
      accessModes: modes.length ? modes : ['ReadWriteOnce'],
      resources: { requests: { storage: typeof storage === 'string' ? storage : '' } },
      ...(spec.storageClassName ? { storageClassName: spec.storageClassName } : {}),
      ...(spec.volumeMode === 'Filesystem' || spec.volumeMode === 'Block'
        ? { volumeMode: spec.volumeMode }
        : {}),
    },
  };
};

/**
 * The claim a persistent cache's values describe, rebuilt from the contract: the way out when
 * the claim is gone and the emptying record that kept it is damaged. Undefined for an
 * ephemeral cache or values that do not name a size.
 */
export const claimFromValues = (
  deployment: Deployment,
  values: PipCacheValues | undefined,
): RecordedClaim | undefined => {
  if (values?.storage.kind !== 'persistent' || !QUANTITY.test(values.storage.size))
    return undefined;
  const cacheName = deployment.metadata?.name ?? '';
  const storageClass = values.storage.storageClass;
  return {
    ...typeMeta(KINDS.PersistentVolumeClaim),
    metadata: {
      name: claimNameOf(cacheName),
      ...(deployment.metadata?.namespace ? { namespace: deployment.metadata.namespace } : {}),
      labels: contractClaimLabels(cacheName, deployment.metadata?.labels?.[LABEL_PART_OF]),
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: values.storage.size } },
      ...(storageClass && DNS1123_SUBDOMAIN.test(storageClass)
        ? { storageClassName: storageClass }
        : {}),
    },
  };
};

/** The record to start emptying a cache with, from its Deployment and claim. */
export const startEmptying = (
  deployment: Deployment,
  pvc: PersistentVolumeClaim,
): EmptyingRecord => ({
  replicas: Math.max(deployment.spec?.replicas ?? 1, 1),
  claimUid: pvc.metadata?.uid ?? '',
  claim: freshClaim(pvc),
});

const annotationPath = `/metadata/annotations/${pointerSegment(ANNOTATION_EMPTYING)}`;

/** JSON Patch that records the emptying and scales the cache to zero. */
export const scaleDownPatch = (
  deployment: Deployment,
  record: EmptyingRecord,
): PatchOperation[] => [
  ...(deployment.metadata?.annotations
    ? [{ op: 'add' as const, path: annotationPath, value: JSON.stringify(record) }]
    : [
        {
          op: 'add' as const,
          path: '/metadata/annotations',
          value: { [ANNOTATION_EMPTYING]: JSON.stringify(record) },
        },
      ]),
  { op: 'replace', path: '/spec/replicas', value: 0 },
];

/** JSON Patch that scales the cache back and drops the record: the job is done. */
export const scaleUpPatch = (record: EmptyingRecord): PatchOperation[] => [
  { op: 'replace', path: '/spec/replicas', value: record.replicas },
  { op: 'remove', path: annotationPath },
];

/**
 * On the pod template of an ephemeral cache: when it was last emptied. Changing it makes the
 * Deployment replace its pod, and a new pod starts with an empty emptyDir volume.
 */
export const ANNOTATION_EMPTIED_AT = `${ANNOTATION_PREFIX}emptied-at`;

/** The steps of emptying an ephemeral cache, in order. */
export const RESTART_STEPS = ['restart', 'stop', 'start'] as const;
export type RestartStep = (typeof RESTART_STEPS)[number];

interface Annotated {
  metadata?: { annotations?: Record<string, string> | null };
}

/** The emptied-at stamp of a pod template or pod, if any. */
export const emptiedAt = (object: Annotated | undefined): string | undefined =>
  object?.metadata?.annotations?.[ANNOTATION_EMPTIED_AT] ?? undefined;

/**
 * JSON Patch that stamps the Deployment's pod template with `at`, which replaces its pod. The
 * guard is the template's metadata as read: a stamp another run (a second click, another
 * browser) set meanwhile makes it fail instead of restarting the pod twice.
 */
export const restartPatch = (deployment: Deployment, at: string): PatchOperation[] => {
  const metadata = deployment.spec?.template.metadata;
  if (!metadata) {
    const version = deployment.metadata?.resourceVersion;
    return [
      ...(version
        ? [{ op: 'test' as const, path: '/metadata/resourceVersion', value: version }]
        : []),
      {
        op: 'add',
        path: '/spec/template/metadata',
        value: { annotations: { [ANNOTATION_EMPTIED_AT]: at } },
      },
    ];
  }
  return [
    { op: 'test', path: '/spec/template/metadata', value: metadata },
    metadata.annotations
      ? {
          op: 'add',
          path: `/spec/template/metadata/annotations/${pointerSegment(ANNOTATION_EMPTIED_AT)}`,
          value: at,
        }
      : {
          op: 'add',
          path: '/spec/template/metadata/annotations',
          value: { [ANNOTATION_EMPTIED_AT]: at },
        },
  ];
};

/** Whether a pod's Ready condition is true. */
export const isPodReady = (pod: Pod): boolean =>
  (pod.status?.conditions ?? []).some(
    (condition) => condition.type === 'Ready' && condition.status === 'True',
  );

/** How far a restart stamped `at` has come: old pods still stopping, the new one starting, or ready. */
export type RestartProgress =
  | { state: 'stopping'; pods: string[] }
  | { state: 'starting'; pod?: string }
  | { state: 'ready'; pod: string };

/** How far the restart stamped `at` has come, from the cache's pods. */
export const restartProgress = (pods: readonly Pod[], at: string): RestartProgress => {
  const old = pods.filter((pod) => emptiedAt(pod) !== at);
  if (old.length > 0)
    return { state: 'stopping', pods: old.map((pod) => pod.metadata?.name ?? '') };
  const fresh = pods.find((pod) => !pod.metadata?.deletionTimestamp);
  if (fresh && isPodReady(fresh)) return { state: 'ready', pod: fresh.metadata?.name ?? '' };
  return { state: 'starting', pod: fresh?.metadata?.name };
};
