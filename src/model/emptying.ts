import { pointerSegment, type PatchOperation } from './buildconfig-patch';
import { ANNOTATION_PREFIX } from './contract';
import type { Deployment, PersistentVolumeClaim, Pod } from './k8s-types';

/** On the Deployment while the cache is being emptied: what to finish after a failure half way. */
export const ANNOTATION_EMPTYING = `${ANNOTATION_PREFIX}emptying`;

/** The steps of emptying a persistent cache, in order. */
export const EMPTY_STEPS = ['scale-down', 'delete-claim', 'create-claim', 'scale-up'] as const;
export type EmptyStep = (typeof EMPTY_STEPS)[number];

/** What the emptying annotation records: enough to finish the job from any step. */
export interface EmptyingRecord {
  /** Replicas to scale back to. */
  replicas: number;
  /** The uid of the claim holding the packages: only that claim is deleted. */
  claimUid: string;
  /** The claim to create again: name, labels and spec, without anything the cluster set. */
  claim: PersistentVolumeClaim;
}

/** The emptying left half way on a Deployment, if any (undefined when absent or unreadable). */
export const readEmptying = (deployment: Deployment): EmptyingRecord | undefined => {
  const text = deployment.metadata?.annotations?.[ANNOTATION_EMPTYING];
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<EmptyingRecord>;
    return typeof parsed.replicas === 'number' && parsed.claimUid && parsed.claim
      ? (parsed as EmptyingRecord)
      : undefined;
  } catch {
    return undefined;
  }
};

/** A claim as new: same name, labels and requested spec, without uid, binding or status. */
export const freshClaim = (pvc: PersistentVolumeClaim): PersistentVolumeClaim => {
  const spec = { ...(pvc.spec ?? {}) };
  // The old binding goes with the old claim; the provisioner gives the new one a new volume.
  delete spec.volumeName;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: pvc.metadata?.name,
      namespace: pvc.metadata?.namespace,
      ...(pvc.metadata?.labels ? { labels: pvc.metadata.labels } : {}),
    },
    spec,
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
