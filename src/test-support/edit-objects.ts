import type { EditableObjects } from '../model/living';
import type { BuildConfig, Deployment, Route } from '../model/shared';
import { buildManifests, defaultValues, type PipCacheValues } from '../model/cache';
import { seededRandom } from './test-utils';

// The live objects an edit reads, made by the plugin's own manifests: the specs of the edit's
// patches, of the values it starts from and of the route split share them.

/** Values of a cache that builds its image (so that it has a BuildConfig to patch). */
export const editBase = (): PipCacheValues =>
  defaultValues({ pythonTags: ['3.12-ubi9'], allowedStrategies: ['docker'], canBuild: true });

/** The live objects of a cache made from `values`, with the resourceVersions a cluster gives. */
export const liveObjects = (values: PipCacheValues): EditableObjects => {
  const objects = buildManifests(values, 'demo', seededRandom(1), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  }).map((planned) => planned.object);
  const withVersion = <T extends { metadata?: { resourceVersion?: string } }>(
    object: T,
    version: string,
  ): T => ({ ...object, metadata: { ...object.metadata, resourceVersion: version } });
  return {
    deployment: withVersion(objects.find((o) => o.kind === 'Deployment') as Deployment, '11'),
    buildConfig: withVersion(objects.find((o) => o.kind === 'BuildConfig') as BuildConfig, '12'),
    route: withVersion(
      objects.find((o) => o.kind === 'Route' && o.metadata.name === values.name) as Route,
      '13',
    ),
    filesRoute: withVersion(
      objects.find(
        (o) => o.kind === 'Route' && o.metadata.name === `${values.name}-files`,
      ) as Route,
      '14',
    ),
  };
};

/** The host the API server generated for the Route `N` of a schema-1 cache (none was typed). */
export const GENERATED_HOST = 'pipcache-demo.apps.example.com';

/** The live objects of a cache made before contract schema 2: one Route on /root/pypi, generated host. */
export const liveSchema1Objects = (values: PipCacheValues): EditableObjects => {
  const { deployment, buildConfig, route } = liveObjects(values);
  if (!route) throw new Error(`the cache ${values.name} has no Route to go back a schema with`);
  return {
    deployment,
    buildConfig,
    route: {
      ...route,
      spec: { ...route.spec, host: GENERATED_HOST, path: '/root/pypi' },
    },
  };
};

/** `values` with the Routes' settings an edit may change (TLS policy, allow-list) set anew. */
export const withRouteSettings = (
  values: PipCacheValues,
  settings: Pick<PipCacheValues['route'], 'insecureEdgeTermination' | 'allowedCidrs'>,
): PipCacheValues => ({ ...values, route: { ...values.route, ...settings } });
