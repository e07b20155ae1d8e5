import { randomBytes } from 'crypto';
import { buildManifests, defaultValues } from '../../src/model/cache';
import type { K8sObject } from './store';

/** Which objects a fresh cluster starts with. */
export type SeedName = 'demo' | 'empty' | 'showcase';

const ns = (name: string, annotations: Record<string, string> = {}): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name,
    labels: { 'kubernetes.io/metadata.name': name },
    annotations: { 'openshift.io/display-name': '', ...annotations },
  },
  status: { phase: 'Active' },
});

const PYTHON_TAGS = ['3.9-ubi8', '3.11-ubi8', '3.11-ubi9', '3.12-ubi9', 'latest'];

/** The `python` image stream of the `openshift` namespace, with tags like a 4.16+ cluster's. */
const pythonImageStream = (): K8sObject => ({
  apiVersion: 'image.openshift.io/v1',
  kind: 'ImageStream',
  metadata: { name: 'python', namespace: 'openshift' },
  spec: {
    tags: PYTHON_TAGS.map((tag) => ({
      name: tag,
      annotations: {
        'openshift.io/display-name': `Python ${tag === 'latest' ? '3.12 (UBI 9)' : tag}`,
        tags: 'builder,python',
        ...(tag === 'latest' ? {} : { version: tag.split('-')[0] ?? tag }),
      },
      from:
        tag === 'latest'
          ? { kind: 'ImageStreamTag', name: '3.12-ubi9' }
          : {
              kind: 'DockerImage',
              name: `registry.redhat.io/ubi9/python-${tag.replace('.', '').split('-')[0] ?? ''}:latest`,
            },
    })),
  },
  status: {
    dockerImageRepository: 'image-registry.openshift-image-registry.svc:5000/openshift/python',
    tags: PYTHON_TAGS.map((tag) => ({
      tag,
      items: [
        {
          dockerImageReference: `image-registry.openshift-image-registry.svc:5000/openshift/python@sha256:${'0'.repeat(63)}${PYTHON_TAGS.indexOf(tag)}`,
          image: `sha256:${PYTHON_TAGS.indexOf(tag)}`,
        },
      ],
    })),
  },
});

/** The objects of a seed, in creation order. */
export const seedObjects = (seed: SeedName): K8sObject[] => {
  if (seed === 'empty') return [ns('default'), ns('openshift')];
  if (seed === 'showcase')
    return [...seedObjects('demo'), ...showcaseCache(), pythonAppBuildConfig()];
  return [
    ns('default'),
    ns('openshift'),
    ns('demo', { 'openshift.io/display-name': 'Demo', 'openshift.io/requester': 'developer' }),
    ns('team-b', { 'openshift.io/requester': 'kube:admin' }),
    pythonImageStream(),
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard-csi',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'csi.example.com',
      allowVolumeExpansion: true,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'fast-local' },
      provisioner: 'kubernetes.io/no-provisioner',
      allowVolumeExpansion: false,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    },
    {
      apiVersion: 'config.openshift.io/v1',
      kind: 'Build',
      metadata: { name: 'cluster' },
      spec: { buildDefaults: {} },
    },
    {
      apiVersion: 'config.openshift.io/v1',
      kind: 'Proxy',
      metadata: { name: 'cluster' },
      spec: {},
      status: {},
    },
  ];
};

/**
 * The demo's cache, made by the model exactly as the create form makes it with its defaults
 * (the project admin may run Docker and source builds; the samples' Python tags), so that what
 * the demo shows is what the plugin creates. The cluster's controllers then build its image and
 * roll it out, as they do for a cache created through the API.
 */
const showcaseCache = (): K8sObject[] => {
  const values = {
    ...defaultValues({
      pythonTags: PYTHON_TAGS,
      allowedStrategies: ['docker', 's2i'],
      canBuild: true,
    }),
    name: 'pipcache',
  };
  return buildManifests(values, 'demo', (n) => new Uint8Array(randomBytes(n)), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  }).map(({ object }) => object as unknown as K8sObject);
};

/**
 * A Python application's BuildConfig, as Import from Git makes one for the `python` builder
 * image, so that "Use in builds" has something to point at a cache.
 */
const pythonAppBuildConfig = (): K8sObject => ({
  apiVersion: 'build.openshift.io/v1',
  kind: 'BuildConfig',
  metadata: {
    name: 'django-ex',
    namespace: 'demo',
    labels: { app: 'django-ex', 'app.kubernetes.io/name': 'python' },
  },
  spec: {
    source: { type: 'Git', git: { uri: 'https://github.com/sclorg/django-ex.git' } },
    strategy: {
      type: 'Source',
      sourceStrategy: {
        from: { kind: 'ImageStreamTag', name: 'python:3.12-ubi9', namespace: 'openshift' },
      },
    },
    output: { to: { kind: 'ImageStreamTag', name: 'django-ex:latest' } },
  },
});
