import { applyJsonPatch } from '../../../integration-tests/cluster-api/patch';
import type { K8sObject } from '../../../integration-tests/cluster-api/store';
import {
  ANNOTATION_MIGRATION,
  type PersistentVolumeClaim,
  type Route,
  type Service,
} from '../shared';
import {
  adoptClaimPatch,
  claimPlans,
  deploymentReady,
  hasTag,
  migrationValues,
  replacementOf,
  sharingHostOf,
  stepApplies,
  storageForPlan,
  type TemplateDeploymentConfig,
  type TemplateObjects,
} from './migration';
import { migrationPlan } from './migration-plan';
import { readMigration, recordedUids, recordMigrationPatch } from './migration-record';
import { t } from '../../test-support/test-utils';
import { defaultValues, toValuesAnnotation } from '../cache';

const dc = (
  extra: Partial<TemplateDeploymentConfig['metadata']> = {},
): TemplateDeploymentConfig => ({
  metadata: {
    name: 'old',
    namespace: 'demo',
    uid: 'dc-uid',
    resourceVersion: '7',
    labels: { app: 'pipcache', template: 'pipcache-persistent' },
    ...extra,
  },
  spec: {
    replicas: 1,
    template: {
      spec: {
        nodeSelector: { speed: 'fast' },
        containers: [{ name: 'devpi', resources: { limits: { memory: '256Mi', cpu: '2' } } }],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'old-data' } }],
      },
    },
  },
});

const claim: PersistentVolumeClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: 'old-data',
    namespace: 'demo',
    uid: 'pvc-uid',
    labels: { app: 'pipcache', template: 'pipcache-persistent' },
  },
  spec: { resources: { requests: { storage: '3Gi' } }, storageClassName: 'gp3' },
};

const service: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'old', namespace: 'demo', uid: 'svc-uid', resourceVersion: '11' },
  spec: { clusterIP: '172.30.1.2', clusterIPs: ['172.30.1.2'], selector: { name: 'old' } },
};

const route: Route = {
  apiVersion: 'route.openshift.io/v1',
  kind: 'Route',
  metadata: { name: 'old', namespace: 'demo', uid: 'rt-uid', resourceVersion: '12' },
  spec: {
    host: 'pypi.example.com',
    to: { kind: 'Service', name: 'old' },
    tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Allow' },
  },
};

const objects = (more: Partial<TemplateObjects> = {}): TemplateObjects => ({
  deploymentConfig: dc(),
  claim,
  service,
  route,
  ...more,
});

describe('migrationValues', () => {
  it('takes over the name, placement, CPU limit, route host and http policy', () => {
    const values = migrationValues(defaultValues(), objects());
    expect(values.name).toBe('old');
    expect(values.placement.pods).toEqual([{ key: 'speed', value: 'fast' }]);
    expect(values.resources.cpuLimit).toBe('2');
    expect(values.route).toMatchObject({
      enabled: true,
      host: 'pypi.example.com',
      insecureEdgeTermination: 'Allow',
    });
    expect(values.storage).toMatchObject({ kind: 'persistent', size: '3Gi', storageClass: 'gp3' });
  });

  it("carries the templates' DATA_VOLUME over as the data folder, or keeps the default", () => {
    expect(migrationValues(defaultValues(), objects()).storage.dataPath).toBe(
      defaultValues().storage.dataPath,
    );
    const told = dc();
    told.spec!.template!.spec!.containers![0]!.env = [
      { name: 'DEVPI_DATA_VOLUME', value: '/var/lib/devpi' },
    ];
    expect(
      migrationValues(defaultValues(), objects({ deploymentConfig: told })).storage.dataPath,
    ).toBe('/var/lib/devpi');
    expect(
      migrationValues(defaultValues(), objects({ deploymentConfig: told, claim: undefined }))
        .storage,
    ).toMatchObject({ kind: 'ephemeral', dataPath: '/var/lib/devpi' });
  });

  it('raises a memory limit below what devpi 6 needs, and keeps a larger one', () => {
    expect(migrationValues(defaultValues(), objects()).resources.memoryLimit).toBe('1536Mi');
    const big = dc();
    const container = big.spec?.template?.spec?.containers?.[0];
    if (container?.resources?.limits) container.resources.limits.memory = '2Gi';
    expect(
      migrationValues(defaultValues(), objects({ deploymentConfig: big })).resources.memoryLimit,
    ).toBe('2Gi');
  });

  it('turns the Route off when the templates made none, and uses ephemeral storage without a claim', () => {
    const values = migrationValues(defaultValues(), {
      deploymentConfig: dc({ labels: { app: 'pipcache', template: 'pipcache-ephemeral' } }),
    });
    expect(values.route.enabled).toBe(false);
    expect(values.storage.kind).toBe('ephemeral');
  });
});

describe('claim plans', () => {
  it('offers a new claim first, keeping and dropping it, or nothing without a claim', () => {
    expect(claimPlans(objects())).toEqual(['replace', 'keep', 'drop']);
    expect(claimPlans({ deploymentConfig: dc() })).toEqual(['none']);
  });

  it('keeping takes the claim size and class; dropping makes the cache ephemeral', () => {
    const storage = { ...defaultValues().storage, size: '9Gi' };
    expect(storageForPlan(storage, 'keep', objects())).toMatchObject({
      kind: 'persistent',
      size: '3Gi',
      storageClass: 'gp3',
    });
    expect(storageForPlan(storage, 'replace', objects())).toMatchObject({
      kind: 'persistent',
      size: '9Gi',
    });
    expect(storageForPlan(storage, 'drop', objects()).kind).toBe('ephemeral');
  });

  it('frees the claim only when it is kept or replaced, and waits for an image only when one is built', () => {
    const base = defaultValues();
    const values = { ...base, image: { ...base.image, source: 'build' as const } };
    expect(stepApplies('scale-down', values, 'keep')).toBe(true);
    expect(stepApplies('claim', values, 'drop')).toBe(false);
    expect(stepApplies('wait-image', values, 'none')).toBe(true);
    expect(
      stepApplies('wait-image', { ...values, image: { ...values.image, source: 'image' } }, 'none'),
    ).toBe(false);
  });
});

describe('the record', () => {
  it('is written under the resourceVersion guard and read back', () => {
    const record = {
      values: toValuesAnnotation({ ...defaultValues(), name: 'old' }),
      claim: 'keep' as const,
      uids: recordedUids(objects()),
    };
    expect(record.uids).toEqual({
      Service: 'svc-uid',
      Route: 'rt-uid',
      PersistentVolumeClaim: 'pvc-uid',
    });
    const patched = applyJsonPatch(dc() as K8sObject, recordMigrationPatch(dc(), record));
    expect(readMigration(patched as TemplateDeploymentConfig)).toEqual(record);
    const moved = { ...dc(), metadata: { ...dc().metadata, resourceVersion: '8' } };
    expect(() => applyJsonPatch(moved as K8sObject, recordMigrationPatch(dc(), record))).toThrow();
  });

  it('adds to existing annotations, and reads nothing from a broken or foreign one', () => {
    const annotated = dc({ annotations: { other: 'x' } });
    const record = { values: '{}', claim: 'none' as const, uids: {} };
    const patched = applyJsonPatch(
      annotated as K8sObject,
      recordMigrationPatch(annotated, record),
    ) as TemplateDeploymentConfig;
    expect(patched.metadata?.annotations?.other).toBe('x');
    expect(readMigration(dc({ annotations: { [ANNOTATION_MIGRATION]: '{' } }))).toBeUndefined();
    expect(
      readMigration(
        dc({ annotations: { [ANNOTATION_MIGRATION]: '{"values":"{}","claim":"x","uids":{}}' } }),
      ),
    ).toBeUndefined();
    expect(readMigration(dc())).toBeUndefined();
  });
});

describe('replacementOf', () => {
  const desiredService: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'old', namespace: 'demo', labels: { a: 'b' } },
    spec: { selector: { 'app.kubernetes.io/instance': 'old' } },
  };

  it('keeps the cluster IP and guards with the old resourceVersion', () => {
    const next = replacementOf(service, desiredService);
    expect(next.spec?.clusterIP).toBe('172.30.1.2');
    expect(next.spec?.clusterIPs).toEqual(['172.30.1.2']);
    expect(next.spec?.selector).toEqual({ 'app.kubernetes.io/instance': 'old' });
    expect(next.metadata?.resourceVersion).toBe('11');
    expect(next.metadata?.labels).toEqual({ a: 'b' });
  });

  it('keeps the Route host when the form names none, and takes the form host otherwise', () => {
    const desired: Route = {
      ...route,
      metadata: { name: 'old' },
      spec: { ...route.spec, host: '' },
    };
    expect(replacementOf(route, desired).spec.host).toBe('pypi.example.com');
    expect(
      replacementOf(route, { ...desired, spec: { ...desired.spec, host: 'new.example.com' } }).spec
        .host,
    ).toBe('new.example.com');
  });
});

describe('sharingHostOf', () => {
  const files: Route = {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: { name: 'old-files', namespace: 'demo' },
    spec: { path: '/root/pypi/+f', to: { kind: 'Service', name: 'old' } },
  };

  it('puts N-files on the host the Route N holds, unless the form names one', () => {
    expect(sharingHostOf(files, route).spec.host).toBe('pypi.example.com');
    expect(
      sharingHostOf({ ...files, spec: { ...files.spec, host: 'new.example.com' } }, route).spec
        .host,
    ).toBe('new.example.com');
    expect(sharingHostOf(files, undefined).spec.host).toBeUndefined();
    expect(sharingHostOf(files, route).spec.path).toBe('/root/pypi/+f');
  });
});

describe('adoptClaimPatch', () => {
  it('swaps the template labels for the contract labels, only on the recorded claim', () => {
    const labels = { 'app.kubernetes.io/instance': 'old', 'app.kubernetes.io/name': 'pipcache' };
    const adopted = applyJsonPatch(claim as K8sObject, adoptClaimPatch(claim, labels));
    expect(adopted.metadata.labels).toEqual(labels);
    const other = { ...claim, metadata: { ...claim.metadata, uid: 'someone-else' } };
    expect(() => applyJsonPatch(other as K8sObject, adoptClaimPatch(claim, labels))).toThrow();
    const bare = { ...claim, metadata: { name: 'old-data', uid: 'pvc-uid' } };
    expect(
      applyJsonPatch(bare as K8sObject, adoptClaimPatch(bare, labels)).metadata.labels,
    ).toEqual(labels);
  });
});

describe('readiness', () => {
  it('needs a ready pod of the current generation', () => {
    expect(deploymentReady({ status: { readyReplicas: 1, updatedReplicas: 1 } })).toBe(true);
    expect(
      deploymentReady({
        metadata: { generation: 3 },
        status: { readyReplicas: 1, updatedReplicas: 1, observedGeneration: 2 },
      }),
    ).toBe(false);
    expect(deploymentReady({ status: { readyReplicas: 0 } })).toBe(false);
  });

  it('sees an image only when a tag has items', () => {
    expect(hasTag(undefined)).toBe(false);
    expect(
      hasTag({
        apiVersion: 'image.openshift.io/v1',
        kind: 'ImageStream',
        metadata: {},
        status: { tags: [{ tag: 'latest', items: [] }] },
      }),
    ).toBe(false);
    expect(
      hasTag({
        apiVersion: 'image.openshift.io/v1',
        kind: 'ImageStream',
        metadata: {},
        status: { tags: [{ tag: 'latest', items: [{ dockerImageReference: 'x', image: 'y' }] }] },
      }),
    ).toBe(true);
  });
});

describe('migrationPlan', () => {
  it('says what happens to each old object, in order', () => {
    const values = migrationValues(defaultValues(), objects());
    const lines = migrationPlan(objects(), values, 'keep', t);
    expect(lines.join('\n')).toContain('keeps its cluster IP');
    expect(lines.join('\n')).toContain('keeps its host pypi.example.com');
    expect(lines.join('\n')).toContain('a second Route old-files on the same host');
    expect(lines.join('\n')).toContain('The claim old-data is kept');
    expect(lines[lines.length - 2]).toContain('only after the new cache is ready');
    const dropped = migrationPlan(objects(), values, 'drop', t).join('\n');
    expect(dropped).toContain('the claim old-data with its packages are deleted');
    expect(dropped).not.toContain('the old pod is stopped');
  });
});
