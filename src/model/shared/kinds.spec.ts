import { accessOf, CACHE_OWNED_KINDS, KINDS, ownedModel, typeMeta } from './kinds';
import {
  buildManifests,
  networkPolicyManifest,
  defaultValues,
  type PipCacheValues,
} from '../cache';
import { seededRandom } from '../../test-support/test-utils';

describe('the kinds table', () => {
  it.each(Object.entries(KINDS))(
    '%s: apiVersion, watch key and SDK model agree with group, version and plural',
    (_name, entry) => {
      expect(entry.apiVersion).toBe(
        entry.group ? `${entry.group}/${entry.version}` : entry.version,
      );
      expect(entry.gvk).toEqual({
        ...(entry.group ? { group: entry.group } : {}),
        version: entry.version,
        kind: entry.kind,
      });
      expect(entry.model).toMatchObject({
        kind: entry.kind,
        plural: entry.plural,
        apiVersion: entry.version,
        namespaced: entry.namespaced,
      });
      expect(entry.model.apiGroup).toBe(entry.group);
    },
  );

  it('keeps the two Build kinds apart: a project build, and the cluster build defaults', () => {
    expect(KINDS.Build.model.apiGroup).toBe('build.openshift.io');
    expect(KINDS.Build.namespaced).toBe(true);
    expect(KINDS.ClusterBuild.model.apiGroup).toBe('config.openshift.io');
    expect(KINDS.ClusterBuild.namespaced).toBe(false);
  });

  it('gives a model for every kind a cache is made of, ephemeral or persistent, built or pulled', () => {
    const built = defaultValues({
      pythonTags: ['3.12-ubi9'],
      allowedStrategies: ['s2i'],
      canBuild: true,
    });
    const persistent: PipCacheValues = {
      ...built,
      storage: { kind: 'persistent', size: '2Gi', storageClass: '', dataPath: '/data' },
    };
    const kinds = new Set([
      ...[persistent, defaultValues()].flatMap((values) =>
        buildManifests(values, 'demo', seededRandom(1), {
          pluginVersion: '0.1.0',
          rendering: 'create',
        }).map(({ object }) => object),
      ),
      networkPolicyManifest(built, 'demo'),
    ]);
    for (const object of kinds) {
      const model = ownedModel(object.kind);
      expect(`${object.apiVersion} ${object.kind}`).toBe(
        `${model.apiGroup ? `${model.apiGroup}/` : ''}${model.apiVersion} ${model.kind}`,
      );
    }
    expect(new Set([...kinds].map((object) => object.kind)).size).toBe(CACHE_OWNED_KINDS.length);
  });

  it('starts a manifest with the apiVersion and kind of its entry', () => {
    expect(typeMeta(KINDS.Route)).toEqual({ apiVersion: 'route.openshift.io/v1', kind: 'Route' });
    expect(typeMeta(KINDS.Secret)).toEqual({ apiVersion: 'v1', kind: 'Secret' });
  });

  describe('access reviews built from the table', () => {
    it('asks about a grouped kind by its group and plural, with namespace and name', () => {
      expect(
        accessOf(KINDS.Deployment, 'patch', { namespace: 'team', name: 'pipcache' }),
      ).toStrictEqual({
        group: 'apps',
        resource: 'deployments',
        verb: 'patch',
        namespace: 'team',
        name: 'pipcache',
      });
    });

    it('leaves the group out for a core kind, and the namespace and name out when not given', () => {
      expect(accessOf(KINDS.PersistentVolumeClaim, 'delete')).toStrictEqual({
        resource: 'persistentvolumeclaims',
        verb: 'delete',
      });
    });

    it('asks about a subresource, and tells the cluster build defaults from project builds', () => {
      expect(
        accessOf(KINDS.BuildConfig, 'create', { subresource: 'instantiate', name: 'b' }),
      ).toStrictEqual({
        group: 'build.openshift.io',
        resource: 'buildconfigs',
        subresource: 'instantiate',
        verb: 'create',
        name: 'b',
      });
      expect(accessOf(KINDS.ClusterBuild, 'patch', { name: 'cluster' }).group).toBe(
        'config.openshift.io',
      );
      expect(accessOf(KINDS.Build, 'create', { subresource: 'docker' }).group).toBe(
        'build.openshift.io',
      );
    });
  });
});
