import { ANNOTATION_VALUES, type Deployment } from '../shared';
import { editPatches } from './edit-patches';
import {
  changedFields,
  editStartValues,
  hasDamagedValues,
  hasStaleStartScript,
  rebaseEdit,
  valuesProblems,
  valuesFromObjects,
} from './edit-values';
import { fromValuesAnnotation, defaultValues, type PipCacheValues } from '../cache';
import { editBase as base, liveObjects as live } from '../../test-support/edit-objects';

describe('valuesFromObjects', () => {
  it('reads the editable values back from the objects the manifests make', () => {
    const values: PipCacheValues = {
      ...base(),
      resources: { memoryRequest: '300Mi', memoryLimit: '1Gi', cpuRequest: '', cpuLimit: '2' },
      placement: { build: [{ key: 'b', value: '1' }], pods: [{ key: 'p', value: '2' }] },
      route: {
        enabled: true,
        host: '',
        insecureEdgeTermination: 'Allow',
        allowedCidrs: '10.0.0.0/8',
      },
      devpi: {
        ...base().devpi,
        upstreamUrl: 'https://pypi.example.com/simple/',
        cacheExpiry: '60',
        requestTimeout: '9',
        offline: true,
      },
    };
    const read = valuesFromObjects(live(values), defaultValues());
    expect(read.resources).toEqual(values.resources);
    expect(read.placement).toEqual(values.placement);
    expect(read.route).toEqual(values.route);
    expect(read.devpi).toEqual(values.devpi);
  });
});

describe('rebaseEdit', () => {
  it("keeps the user's changes and takes everything else from the values read again", () => {
    const before = base();
    const edited = { ...before, resources: { ...before.resources, memoryLimit: '2Gi' } };
    const current = {
      ...before,
      placement: { ...before.placement, pods: [{ key: 'zone', value: 'b' }] },
    };
    const rebased = rebaseEdit(before, edited, current);
    expect(rebased.resources.memoryLimit).toBe('2Gi');
    expect(rebased.placement.pods).toEqual([{ key: 'zone', value: 'b' }]);
    expect(changedFields(current, rebased)).toEqual(['resources.memoryLimit']);
  });
});

describe('editStartValues', () => {
  it('takes what an edit changes from the live objects and the rest from the values annotation', () => {
    const values = { ...base(), devpi: { ...base().devpi, requestTimeout: '42' } };
    const objects = live(values);
    const container = objects.deployment.spec?.template.spec?.containers[0];
    if (container) container.resources = { limits: { memory: '3Gi' }, requests: { memory: '1Gi' } };
    const start = editStartValues(objects, defaultValues());
    expect(start.image.pythonTag).toBe('3.12-ubi9');
    expect(start.resources.memoryLimit).toBe('3Gi');
    expect(start.devpi.requestTimeout).toBe('42');

    const bare = {
      ...objects,
      deployment: {
        ...objects.deployment,
        metadata: { ...objects.deployment.metadata, annotations: {} },
      },
    };
    const fallback = editStartValues(bare, defaultValues());
    expect(fallback.devpi.requestTimeout).toBe('42');
    expect(fallback.image.pythonTag).toBe(defaultValues().image.pythonTag);
  });
});

describe('hasStaleStartScript', () => {
  it('is false for a cache this version made and true for an older start script, which an unchanged edit still replaces', () => {
    const values = base();
    expect(hasStaleStartScript(live(values).deployment)).toBe(false);
    const objects = live(values);
    const container = objects.deployment.spec?.template.spec?.containers[0];
    if (container) container.command = ['/bin/sh', '-c', 'old'];
    expect(hasStaleStartScript(objects.deployment)).toBe(true);
    const patches = editPatches(objects, values, structuredClone(values));
    expect(patches.map((p) => p.kind)).toEqual(['Deployment']);
    expect(JSON.stringify(patches[0]?.operations)).toContain(
      '/spec/template/spec/containers/0/command',
    );
  });
});

describe('a damaged values annotation', () => {
  /** A persistent cache whose values annotation an editor of the project rewrote. */
  const planted = () => {
    const values = { ...base(), storage: { ...base().storage, kind: 'persistent' as const } };
    const objects = live(values);
    const recorded = JSON.parse(
      objects.deployment.metadata?.annotations?.[ANNOTATION_VALUES] ?? '',
    );
    const damaged = {
      ...recorded,
      image: { ...recorded.image, devpiVersion: '6.19.1" && sh && echo "', command: 'sh' },
      devpi: { ...recorded.devpi, upstreamPassword: 'hunter2' },
    };
    const deployment: Deployment = {
      ...objects.deployment,
      metadata: {
        ...objects.deployment.metadata,
        annotations: { [ANNOTATION_VALUES]: JSON.stringify(damaged) },
      },
    };
    return { values, objects: { ...objects, deployment } };
  };

  it('names what was wrong, field by field, and is not damaged when readable or missing', () => {
    const { values, objects } = planted();
    expect(valuesProblems(objects.deployment)).toEqual(
      expect.arrayContaining([
        { path: 'image.devpiVersion', reason: 'value' },
        { path: 'image.command', reason: 'unknown' },
        { path: 'devpi.upstreamPassword', reason: 'size' },
      ]),
    );
    expect(hasDamagedValues(objects.deployment)).toBe(true);
    expect(hasDamagedValues(live(values).deployment)).toBe(false);
    const bare = { ...objects.deployment, metadata: { ...objects.deployment.metadata } };
    delete bare.metadata.annotations;
    expect(valuesProblems(bare)).toBeUndefined();
  });

  it('is never used by an edit, which starts from the live objects and defaults', () => {
    const { objects } = planted();
    const start = editStartValues(objects, defaultValues());
    expect(start.image.devpiVersion).toBe(defaultValues().image.devpiVersion);
    expect(start.devpi.upstreamPassword).toBe('');
    // The storage kind is read from the pod template, not taken from the defaults.
    expect(start.storage.kind).toBe('persistent');
  });

  it('is replaced by an unchanged edit with a fresh record rebuilt from the values, nothing else', () => {
    const { objects } = planted();
    const start = editStartValues(objects, defaultValues());
    const patches = editPatches(objects, start, structuredClone(start));
    expect(patches.map((patch) => patch.kind)).toEqual(['Deployment']);
    const operations = patches[0]?.operations ?? [];
    expect(operations.filter((op) => op.op !== 'test')).toHaveLength(1);
    const written = operations.find((op) => op.op === 'add');
    expect(written?.path).toBe('/metadata/annotations/pipcache-plugin~1values');
    const text = String(written && 'value' in written ? written.value : '');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('&&');
    const fresh = fromValuesAnnotation(text, defaultValues());
    expect(fresh).toEqual(start);
    expect(
      hasDamagedValues({
        ...objects.deployment,
        metadata: { annotations: { [ANNOTATION_VALUES]: text } },
      }),
    ).toBe(false);
  });
});
