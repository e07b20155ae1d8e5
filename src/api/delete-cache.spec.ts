import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { k8sDelete, k8sListItems } from '../test-support/console-sdk-double';
import { deleteObjects, listCacheObjects } from './delete-cache';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));
const list = k8sListItems;
const remove = k8sDelete;

const labelled = (name: string, labels: Record<string, string>): K8sResourceCommon => ({
  metadata: { name, namespace: 'demo', labels },
});
const own = { 'app.kubernetes.io/instance': 'cache', 'app.kubernetes.io/name': 'pipcache' };

describe('listCacheObjects', () => {
  it('lists every owned kind with the instance selector and keeps only fully labelled objects', async () => {
    list.mockImplementation(({ model }) =>
      Promise.resolve(
        model.kind === 'Service'
          ? [
              labelled('cache', own),
              labelled('intruder', { 'app.kubernetes.io/instance': 'cache' }),
            ]
          : [],
      ),
    );
    const { objects, failures } = await listCacheObjects('demo', 'cache');
    expect(failures).toEqual([]);
    expect(objects.map((o) => `${o.model.kind}/${o.object.metadata?.name}`)).toEqual([
      'Service/cache',
    ]);
    expect(list).toHaveBeenCalledWith({
      model: expect.objectContaining({ kind: 'Deployment' }),
      queryParams: {
        ns: 'demo',
        labelSelector: { matchLabels: own },
      },
    });
    expect(list.mock.calls.map(([options]) => options.model.kind)).toEqual([
      'Route',
      'NetworkPolicy',
      'Service',
      'Deployment',
      'BuildConfig',
      'ImageStream',
      'ConfigMap',
      'Secret',
      'PersistentVolumeClaim',
    ]);
  });

  it('reports a kind it may not list instead of failing the whole listing', async () => {
    list.mockImplementation(({ model }) =>
      model.kind === 'Secret'
        ? Promise.reject(Object.assign(new Error('secrets is forbidden'), { code: 403 }))
        : Promise.resolve([]),
    );
    const { failures } = await listCacheObjects('demo', 'cache');
    expect(failures.map((f) => [f.model.kind, f.error.code])).toEqual([['Secret', 403]]);
  });
});

describe('deleteObjects', () => {
  it('deletes in the given order, counts 404 as deleted and reports other failures', async () => {
    const objects = ['a', 'b', 'c'].map((name) => ({
      model: {
        kind: 'Service',
        apiVersion: 'v1',
        abbr: 'S',
        label: 'S',
        labelPlural: 'S',
        plural: 'services',
      },
      object: labelled(name, own),
    }));
    remove.mockImplementation(({ resource }) => {
      if (resource.metadata?.name === 'b')
        return Promise.reject(Object.assign(new Error('gone'), { code: 404 }));
      if (resource.metadata?.name === 'c')
        return Promise.reject(Object.assign(new Error('no'), { code: 403 }));
      return Promise.resolve({});
    });
    const report = await deleteObjects(objects);
    expect(remove.mock.calls.map(([o]) => o.resource.metadata?.name)).toEqual(['a', 'b', 'c']);
    expect(report.deleted.map((o) => o.object.metadata?.name)).toEqual(['a', 'b']);
    expect(report.failed.map((o) => [o.object.metadata?.name, o.error.code])).toEqual([['c', 403]]);
  });
  it('names the uid it read, so that another object of the same name is never deleted', async () => {
    remove.mockResolvedValue({});
    const model = {
      kind: 'Deployment',
      apiVersion: 'v1',
      apiGroup: 'apps',
      abbr: 'D',
      label: 'D',
      labelPlural: 'D',
      plural: 'deployments',
      propagationPolicy: 'Foreground' as const,
    };
    const object = { metadata: { name: 'cache', namespace: 'demo', uid: 'u-1', labels: own } };
    await deleteObjects([{ model, object }]);
    expect(remove).toHaveBeenCalledWith({
      model,
      resource: object,
      json: {
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        preconditions: { uid: 'u-1' },
        propagationPolicy: 'Foreground',
      },
    });
  });
});
