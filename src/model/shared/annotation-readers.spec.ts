import fc from 'fast-check';
import {
  restoreAllBuildsEnvChanges,
  clusterPipDefaults,
  cacheUseOf,
  stopUsingEnvChanges,
  MANAGED_ENV,
  readPreviousEnvRecord,
  stopUsingCachePatch,
  usedCacheOf,
} from '../builds';
import {
  ANNOTATION_MIGRATION,
  ANNOTATION_PREVIOUS_ENV,
  ANNOTATION_USES,
  ANNOTATION_VALUES,
  LABEL_INSTANCE,
  LABEL_MANAGED_BY,
  MANAGED_BY,
} from './contract';
import {
  ANNOTATION_EMPTYING,
  claimToCreate,
  readEmptyingRecord,
  scaleUpPatch,
  toInstanceView,
} from '../living';
import type { BuildConfig, Deployment } from './k8s-types';
import {
  buildManifests,
  validateValues,
  defaultValues,
  readValuesAnnotation,
  toValuesAnnotation,
} from '../cache';
import { type TemplateDeploymentConfig, readMigrationRecord, templateCacheOf } from '../migration';
import { DNS1123_LABEL, hasUnsafeText, LABEL_VALUE, QUANTITY } from './record-schema';
import { seededRandom, t } from '../../test-support/test-utils';
import {
  annotationText,
  HOSTILE,
  hostile,
  nearly,
  strings,
  type Json,
} from '../../test-support/hostile-input';

const deployment = (annotations: Record<string, string>): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'c', namespace: 'demo', uid: 'dep-uid', annotations },
  spec: { replicas: 0, selector: {}, template: {} },
});

const validEmptying: Json = {
  replicas: 1,
  claimUid: 'old-uid',
  claim: {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'c-data', namespace: 'demo', labels: { [LABEL_INSTANCE]: 'c' } },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '2Gi' } },
      storageClassName: 'standard-csi',
    },
  },
};

const base = defaultValues({
  pythonTags: ['3.12-ubi9'],
  allowedStrategies: ['docker'],
  canBuild: true,
});
const validValues = JSON.parse(toValuesAnnotation({ ...base, name: 'old' })) as Json;
const validMigration: Json = {
  values: JSON.stringify(validValues),
  claim: 'keep',
  uids: { Service: 'svc-uid', PersistentVolumeClaim: 'pvc-uid' },
};
/** The migration record with its values text mutated instead of the outer record. */
const migrationText = fc.oneof(
  annotationText(validMigration),
  nearly(validValues).map((values) => JSON.stringify({ ...(validMigration as object), values })),
);

const validPrevious: Json = {
  envAbsent: false,
  entries: [{ index: 1, entry: { name: 'PIP_INDEX_URL', value: 'https://pypi.example/simple' } }],
};

const templateDc = (annotations: Record<string, string>): TemplateDeploymentConfig => ({
  apiVersion: 'apps.openshift.io/v1',
  kind: 'DeploymentConfig',
  metadata: {
    name: 'old',
    namespace: 'demo',
    labels: { app: 'pipcache', template: 'pipcache-persistent' },
    annotations,
  },
  spec: { template: { spec: { containers: [{ name: 'devpi' }] } } },
});

const buildConfig = (annotations: Record<string, string>): BuildConfig => ({
  apiVersion: 'build.openshift.io/v1',
  kind: 'BuildConfig',
  metadata: { name: 'app', namespace: 'demo', annotations },
  spec: {
    source: { type: 'None' },
    strategy: {
      type: 'Source',
      sourceStrategy: {
        from: { kind: 'ImageStreamTag', name: 'python:3.12-ubi9' },
        env: [
          { name: 'KEEP', value: 'k' },
          { name: 'PIP_INDEX_URL', value: 'http://c.demo.svc:8080/root/pypi/+simple/' },
        ],
      },
    },
  },
});

const RUN_LINE = /^RUN pip install --no-cache-dir "devpi-server==[0-9A-Za-z.+!-]+"$/m;

afterEach(() => {
  // No record may reach Object.prototype through a `__proto__` key.
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
});

describe('the records the review planted are damaged, the plugin’s own are sound', () => {
  it('an emptying record whose claim names another project and someone else’s volume', () => {
    const planted = JSON.parse(JSON.stringify(validEmptying)) as {
      claim: { metadata: { namespace: string }; spec: Record<string, unknown> };
    };
    planted.claim.metadata.namespace = 'victim';
    planted.claim.spec.volumeName = 'pv-of-victim';
    const read = readEmptyingRecord(deployment({ [ANNOTATION_EMPTYING]: JSON.stringify(planted) }));
    expect(read).toEqual({
      state: 'damaged',
      problems: [{ path: 'claim.spec.volumeName', reason: 'unknown' }],
    });
    delete planted.claim.spec.volumeName;
    expect(
      readEmptyingRecord(deployment({ [ANNOTATION_EMPTYING]: JSON.stringify(planted) })),
    ).toEqual({
      state: 'damaged',
      problems: [{ path: 'claim.metadata.namespace', reason: 'value' }],
    });
    expect(
      readEmptyingRecord(deployment({ [ANNOTATION_EMPTYING]: JSON.stringify(validEmptying) }))
        .state,
    ).toBe('ok');
  });

  it('a migration record whose devpi version carries a shell command, or that names another cache', () => {
    const values = {
      ...(validValues as object),
      image: { ...base.image, devpiVersion: HOSTILE[0] },
    };
    const record = (v: unknown) =>
      templateDc({
        [ANNOTATION_MIGRATION]: JSON.stringify({
          ...(validMigration as object),
          values: JSON.stringify(v),
        }),
      });
    expect(readMigrationRecord(record(values), base)).toEqual({
      state: 'damaged',
      problems: [{ path: 'values.image.devpiVersion', reason: 'value' }],
    });
    expect(
      readMigrationRecord(record({ ...(validValues as object), name: 'other' }), base),
    ).toEqual({
      state: 'damaged',
      problems: [{ path: 'values.name', reason: 'value' }],
    });
    expect(readMigrationRecord(record(validValues), base).state).toBe('ok');
  });

  it('a previous-env record of [null], or of a variable PipCache does not manage', () => {
    const read = (entries: unknown) =>
      readPreviousEnvRecord({
        [ANNOTATION_PREVIOUS_ENV]: JSON.stringify({ envAbsent: false, entries }),
      });
    expect(read([null])).toEqual({
      state: 'damaged',
      problems: [{ path: 'entries.0', reason: 'type' }],
    });
    expect(
      read([
        {
          index: 0,
          entry: { name: 'AWS_SECRET', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
        },
      ]),
    ).toEqual({ state: 'damaged', problems: [{ path: 'entries.0.entry.name', reason: 'value' }] });
    expect(
      read([{ index: 0, entry: { name: 'PIP_INDEX_URL', value: 'https://x/simple' } }]).state,
    ).toBe('ok');
  });
});

describe('annotation readers refuse what their schema does not name, and never throw', () => {
  it('the emptying record: a sound one only ever re-creates the cache’s own claim', () => {
    fc.assert(
      fc.property(annotationText(validEmptying), (text) => {
        const dep = deployment({ [ANNOTATION_EMPTYING]: text });
        const read = readEmptyingRecord(dep);
        if (read.state === 'damaged') expect(read.problems.length).toBeGreaterThan(0);
        if (read.state !== 'ok') return;
        const claim = claimToCreate(dep, read.record);
        expect(claim.metadata?.namespace).toBe('demo');
        expect(claim.metadata?.name).toBe('c-data');
        expect(claim.metadata?.labels?.[LABEL_INSTANCE]).toBe('c');
        expect(claim.metadata?.labels?.[LABEL_MANAGED_BY]).toBe(MANAGED_BY);
        for (const value of Object.values(claim.metadata?.labels ?? {}))
          expect(value).toMatch(LABEL_VALUE);
        expect(Object.keys(claim.spec ?? {}).sort()).toEqual(
          expect.arrayContaining(['accessModes', 'resources']),
        );
        expect(claim.spec?.volumeName).toBeUndefined();
        expect(claim.spec?.resources?.requests?.storage).toMatch(QUANTITY);
        const replicas = scaleUpPatch(read.record)[0]?.value as number;
        expect(Number.isInteger(replicas) && replicas >= 1 && replicas <= 10).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('the migration record: sound values name this cache and build nothing planted', () => {
    fc.assert(
      fc.property(migrationText, (text) => {
        const read = readMigrationRecord(templateDc({ [ANNOTATION_MIGRATION]: text }), base);
        if (read.state !== 'ok') return;
        const values = read.record.parsedValues;
        expect(values.name).toBe('old');
        for (const value of strings(values)) expect(hasUnsafeText(value)).toBe(false);
        // Even values the form would refuse never put their text in the Dockerfile.
        const planned = buildManifests(values, 'demo', seededRandom(), {
          pluginVersion: '0.1.0',
          rendering: 'create',
        });
        for (const { object } of planned) {
          expect(object.metadata?.namespace).toBe('demo');
          expect(object.metadata?.name?.startsWith('old')).toBe(true);
          if (object.kind === 'BuildConfig' && object.spec.source.dockerfile)
            expect(object.spec.source.dockerfile).toMatch(RUN_LINE);
        }
        if (Object.keys(validateValues(values, 'demo', t)).length === 0)
          expect(values.image.devpiVersion).toMatch(/^[0-9A-Za-z.+!-]+$/);
      }),
      { numRuns: 600 },
    );
  });

  it('the previous-env record: Stop using touches only the managed variables and our annotations', () => {
    fc.assert(
      fc.property(annotationText(validPrevious), fc.boolean(), (text, uses) => {
        const annotations = {
          ...(uses ? { [ANNOTATION_USES]: 'demo/c' } : {}),
          [ANNOTATION_PREVIOUS_ENV]: text,
        };
        const bc = buildConfig(annotations);
        const read = readPreviousEnvRecord(annotations);
        stopUsingEnvChanges(bc);
        const ops = stopUsingCachePatch(bc);
        if (!uses || read.state === 'absent') {
          expect(ops).toBeUndefined();
          return;
        }
        expect(ops).toBeDefined();
        const allowed = [
          '/spec/strategy/sourceStrategy/env',
          '/metadata/annotations',
          '/metadata/annotations/pipcache-plugin~1uses',
          '/metadata/annotations/pipcache-plugin~1previous-env',
        ];
        for (const op of ops ?? []) expect(allowed).toContain(op.path);
        const env = ops?.find((op) => op.op === 'replace')?.value as
          { name: string; value?: string }[] | undefined;
        for (const entry of env ?? []) {
          if (entry.name === 'KEEP') expect(entry.value).toBe('k');
          else expect(MANAGED_ENV).toContain(entry.name);
        }
        // The cache's own URL never survives a stop, and a damaged record restores nothing.
        if (read.state === 'damaged')
          expect((env ?? []).map((entry) => entry.name)).toEqual(['KEEP']);
      }),
      { numRuns: 1000 },
    );
  });

  it('the values annotation: a sound one holds no unsafe text and no password', () => {
    fc.assert(
      fc.property(annotationText(validValues), (text) => {
        const read = readValuesAnnotation(text, base);
        if (read.state !== 'ok') return;
        for (const value of strings(read.record)) expect(hasUnsafeText(value)).toBe(false);
        expect(read.record.devpi.upstreamPassword).toBe('');
      }),
      { numRuns: 600 },
    );
  });

  it('the uses annotation names a project and a cache by the API server’s rules, or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), hostile, fc.constant('demo/c')), (text) => {
        const used = usedCacheOf({ [ANNOTATION_USES]: text });
        if (!used) return;
        expect(used.namespace).toMatch(DNS1123_LABEL);
        expect(used.name).toMatch(DNS1123_LABEL);
      }),
    );
  });
});

describe('cluster objects → views take any annotations without throwing', () => {
  const annotationMap = fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        ANNOTATION_EMPTYING,
        ANNOTATION_MIGRATION,
        ANNOTATION_PREVIOUS_ENV,
        ANNOTATION_USES,
        ANNOTATION_VALUES,
        '__proto__',
        'constructor',
      ),
      fc.string(),
    ),
    fc.oneof(fc.string(), hostile, fc.json()),
  );

  it('instance, template cache, build use and cluster defaults views', () => {
    fc.assert(
      fc.property(annotationMap, (annotations) => {
        const view = toInstanceView({ deployment: deployment(annotations) });
        expect(view.namespace).toBe('demo');
        expect(view.name).toBe('c');
        if (view.values)
          for (const value of strings(view.values)) expect(hasUnsafeText(value)).toBe(false);
        templateCacheOf(templateDc(annotations));
        const use = cacheUseOf(buildConfig(annotations));
        if (use.kind === 'plugin') expect(use.cache.namespace).toMatch(DNS1123_LABEL);
        stopUsingEnvChanges(buildConfig(annotations));
        const config = {
          apiVersion: 'config.openshift.io/v1' as const,
          kind: 'Build' as const,
          metadata: { name: 'cluster', annotations },
          spec: { buildDefaults: { env: [{ name: 'PIP_INDEX_URL', value: 'http://x' }] } },
        };
        clusterPipDefaults(config);
        restoreAllBuildsEnvChanges(config);
      }),
      { numRuns: 600 },
    );
  });
});
