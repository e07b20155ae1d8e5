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
  if (seed === 'showcase') return [...seedObjects('demo'), ...showcaseCache()];
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

const cacheLabels = (name: string, component: string): Record<string, string> => ({
  'app.kubernetes.io/name': 'pipcache',
  'app.kubernetes.io/instance': name,
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/part-of': name,
  'app.kubernetes.io/managed-by': 'pipcache-plugin',
});

/** One running cache in `demo`, so that a newcomer's first look at the demo has a row to open. */
const showcaseCache = (): K8sObject[] => {
  const name = 'pipcache';
  const selector = { 'app.kubernetes.io/name': 'pipcache', 'app.kubernetes.io/instance': name };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'demo', labels: cacheLabels(name, 'cache') },
      spec: {
        replicas: 1,
        strategy: { type: 'Recreate' },
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...cacheLabels(name, 'cache') } },
          spec: {
            containers: [
              {
                name: 'devpi',
                image: 'image-registry.openshift-image-registry.svc:5000/demo/pipcache:latest',
                ports: [{ name: 'http', containerPort: 8080 }],
              },
            ],
          },
        },
      },
      status: { replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1 },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: 'demo', labels: cacheLabels(name, 'cache') },
      spec: {
        selector,
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
        clusterIP: '172.30.12.34',
      },
    },
    {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name, namespace: 'demo', labels: cacheLabels(name, 'cache') },
      spec: {
        host: `${name}-demo.apps.demo.example.com`,
        path: '/root/pypi',
        to: { kind: 'Service', name },
        port: { targetPort: 'http' },
        tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' },
      },
      status: {
        ingress: [
          {
            host: `${name}-demo.apps.demo.example.com`,
            routerName: 'default',
            conditions: [{ type: 'Admitted', status: 'True' }],
          },
        ],
      },
    },
  ];
};
