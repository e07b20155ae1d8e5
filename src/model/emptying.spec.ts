import { applyJsonPatch } from '../../integration-tests/cluster-api/patch';
import {
  ANNOTATION_EMPTYING,
  freshClaim,
  readEmptying,
  scaleDownPatch,
  scaleUpPatch,
  startEmptying,
} from './emptying';
import type { Deployment, PersistentVolumeClaim } from './k8s-types';

const deployment = (annotations?: Record<string, string>): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'c', namespace: 'demo', ...(annotations ? { annotations } : {}) },
  spec: { replicas: 1, selector: {}, template: {} },
});

const pvc: PersistentVolumeClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: 'c-data',
    namespace: 'demo',
    uid: 'old-uid',
    resourceVersion: '9',
    labels: { 'app.kubernetes.io/instance': 'c' },
    annotations: { 'pv.kubernetes.io/bind-completed': 'yes' },
  },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '2Gi' } },
    storageClassName: 'standard-csi',
    volumeName: 'pvc-123',
  },
  status: { phase: 'Bound' },
};

describe('emptying a cache', () => {
  it('makes a fresh claim: same name, labels and size, no uid, binding or status', () => {
    expect(freshClaim(pvc)).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: 'c-data',
        namespace: 'demo',
        labels: { 'app.kubernetes.io/instance': 'c' },
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '2Gi' } },
        storageClassName: 'standard-csi',
      },
    });
  });

  it('records the job on scale-down and removes the record on scale-up', () => {
    const record = startEmptying(deployment(), pvc);
    const down = applyJsonPatch(deployment(), scaleDownPatch(deployment(), record));
    expect(down.spec?.replicas).toBe(0);
    expect(readEmptying(down)).toEqual(record);
    const withOthers = deployment({ keep: 'me' });
    const down2 = applyJsonPatch(withOthers, scaleDownPatch(withOthers, record));
    expect(down2.metadata?.annotations?.keep).toBe('me');

    const up = applyJsonPatch(down2, scaleUpPatch(record));
    expect(up.spec?.replicas).toBe(1);
    expect(up.metadata?.annotations).toEqual({ keep: 'me' });
  });

  it('never scales back to zero, and ignores an unreadable record', () => {
    const scaled = { ...deployment(), spec: { ...deployment().spec, replicas: 0 } } as Deployment;
    expect(startEmptying(scaled, pvc).replicas).toBe(1);
    expect(readEmptying(deployment({ [ANNOTATION_EMPTYING]: '{nope' }))).toBeUndefined();
    expect(readEmptying(deployment({ [ANNOTATION_EMPTYING]: '{"replicas":1}' }))).toBeUndefined();
  });
});
