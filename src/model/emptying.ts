import { pointerSegment, type PatchOperation } from './buildconfig-patch';
import { ANNOTATION_PREFIX } from './contract';
import type { Deployment, PersistentVolumeClaim } from './k8s-types';

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
