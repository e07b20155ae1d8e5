import { applyJsonPatch } from '../../../integration-tests/cluster-api/patch';
import {
  ANNOTATION_EMPTIED_AT,
  ANNOTATION_EMPTYING,
  emptiedAt,
  freshClaim,
  readEmptying,
  restartPatch,
  restartProgress,
  scaleDownPatch,
  scaleUpPatch,
  startEmptying,
} from './emptying';
import type { Deployment, PersistentVolumeClaim, Pod } from '../shared';

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

describe('emptying an ephemeral cache (a restart of its pod)', () => {
  const at = '2026-12-02T18:00:00.000Z';
  const withTemplate = (metadata?: NonNullable<Deployment['spec']>['template']['metadata']) =>
    ({
      ...deployment(),
      metadata: { name: 'c', namespace: 'demo', resourceVersion: '41' },
      spec: { replicas: 1, selector: {}, template: metadata ? { metadata } : {} },
    }) as Deployment;

  it('stamps the pod template, keeping its labels and other annotations', () => {
    const labelled = withTemplate({ labels: { app: 'c' } });
    const stamped = applyJsonPatch(labelled, restartPatch(labelled, at));
    expect(stamped.spec?.template.metadata).toEqual({
      labels: { app: 'c' },
      annotations: { [ANNOTATION_EMPTIED_AT]: at },
    });
    expect(emptiedAt(stamped.spec?.template)).toBe(at);

    const annotated = withTemplate({ labels: { app: 'c' }, annotations: { keep: 'me' } });
    const again = applyJsonPatch(annotated, restartPatch(annotated, at));
    expect(again.spec?.template.metadata?.annotations).toEqual({
      keep: 'me',
      [ANNOTATION_EMPTIED_AT]: at,
    });
    const later = '2026-12-02T19:00:00.000Z';
    expect(emptiedAt(applyJsonPatch(again, restartPatch(again, later)).spec?.template)).toBe(later);
    // No template metadata at all: guarded by the resourceVersion instead.
    const bare = withTemplate();
    expect(restartPatch(bare, at)[0]).toEqual({
      op: 'test',
      path: '/metadata/resourceVersion',
      value: '41',
    });
    expect(emptiedAt(applyJsonPatch(bare, restartPatch(bare, at)).spec?.template)).toBe(at);
  });

  it('fails its guard when another run stamped the template meanwhile', () => {
    const read = withTemplate({ labels: { app: 'c' } });
    const patch = restartPatch(read, at);
    const other = applyJsonPatch(read, restartPatch(read, '2026-12-02T17:59:59.000Z'));
    expect(() => applyJsonPatch(other, patch)).toThrow(/rejected/);
  });

  const pod = (name: string, stamp?: string, ready = true): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(stamp ? { annotations: { [ANNOTATION_EMPTIED_AT]: stamp } } : {}) },
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  });

  it('follows the restart: old pod stopping, new one starting, then ready', () => {
    expect(restartProgress([pod('c-old')], at)).toEqual({ state: 'stopping', pods: ['c-old'] });
    expect(restartProgress([pod('c-old', '2026-01-01T00:00:00.000Z')], at).state).toBe('stopping');
    expect(restartProgress([], at)).toEqual({ state: 'starting', pod: undefined });
    expect(restartProgress([pod('c-new', at, false)], at)).toEqual({
      state: 'starting',
      pod: 'c-new',
    });
    expect(restartProgress([pod('c-new', at)], at)).toEqual({ state: 'ready', pod: 'c-new' });
  });
});
