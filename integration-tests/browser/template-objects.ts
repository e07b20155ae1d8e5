// The objects the original templates left in a project, for the browser tests to seed.

const TEMPLATE_LABELS = { app: 'pipcache', template: 'pipcache-persistent' };

/** What `oc process pipcache-persistent -p NAME=oldcache | oc create -f -` left in project demo. */
export const templateObjects = () => [
  {
    apiVersion: 'apps.openshift.io/v1',
    kind: 'DeploymentConfig',
    metadata: { name: 'oldcache', namespace: 'demo', labels: TEMPLATE_LABELS },
    spec: {
      replicas: 1,
      strategy: { type: 'Recreate' },
      template: {
        metadata: { labels: { app: 'pipcache', name: 'oldcache' } },
        spec: {
          nodeSelector: { speed: 'fast' },
          containers: [
            {
              name: 'devpi',
              image: 'image-registry.openshift-image-registry.svc:5000/demo/oldcache@sha256:0ld',
              env: [{ name: 'DEVPI_DATA_VOLUME', value: '/opt/app-root/data' }],
              resources: { limits: { memory: '256Mi', cpu: '1' } },
            },
          ],
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'oldcache-data' } }],
        },
      },
    },
    status: { latestVersion: 1, replicas: 1, readyReplicas: 1 },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'oldcache-1-x7k2p',
      namespace: 'demo',
      labels: { app: 'pipcache', name: 'oldcache', deploymentconfig: 'oldcache' },
    },
    spec: { containers: [{ name: 'devpi', image: 'oldcache:latest' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'oldcache', namespace: 'demo', labels: TEMPLATE_LABELS },
    spec: {
      clusterIP: '172.30.9.9',
      clusterIPs: ['172.30.9.9'],
      selector: { app: 'pipcache', name: 'oldcache' },
      ports: [{ name: 'web', port: 80, targetPort: 8080, protocol: 'TCP' }],
    },
  },
  {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: {
      name: 'oldcache',
      namespace: 'demo',
      labels: TEMPLATE_LABELS,
      annotations: { 'template.openshift.io/expose-uri': 'http://{.spec.host}{.spec.path}' },
    },
    spec: {
      host: 'pypi.apps.demo.example.com',
      path: '/',
      to: { kind: 'Service', name: 'oldcache' },
      tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Allow' },
    },
    status: {
      ingress: [
        {
          host: 'pypi.apps.demo.example.com',
          routerName: 'default',
          conditions: [{ type: 'Admitted', status: 'True' }],
        },
      ],
    },
  },
  {
    apiVersion: 'image.openshift.io/v1',
    kind: 'ImageStream',
    metadata: { name: 'oldcache', namespace: 'demo', labels: TEMPLATE_LABELS },
    spec: {},
    status: {
      tags: [
        {
          tag: 'latest',
          items: [{ dockerImageReference: 'old@sha256:0ld', image: 'sha256:0ld' }],
        },
      ],
    },
  },
  {
    apiVersion: 'build.openshift.io/v1',
    kind: 'BuildConfig',
    metadata: { name: 'oldcache', namespace: 'demo', labels: TEMPLATE_LABELS },
    spec: {
      nodeSelector: { speed: 'fast' },
      source: {
        type: 'Git',
        git: { uri: 'https://github.com/gonoph/pipcache.git' },
        contextDir: 'src',
      },
      strategy: {
        type: 'Source',
        sourceStrategy: {
          from: { kind: 'ImageStreamTag', name: 'python:latest', namespace: 'openshift' },
        },
      },
      output: { to: { kind: 'ImageStreamTag', name: 'oldcache:latest' } },
      triggers: [{ type: 'ImageChange' }, { type: 'ConfigChange' }],
    },
    status: { lastVersion: 3 },
  },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'oldcache-data', namespace: 'demo', labels: TEMPLATE_LABELS },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } },
    status: { phase: 'Bound', capacity: { storage: '2Gi' } },
  },
];
