import {
  ANNOTATION_VALUES,
  ANNOTATION_VERSION,
  type BuildConfig,
  type Container,
  type Deployment,
  type EnvVar,
  KINDS,
  typeMeta,
} from '../shared';
import { cacheLabels, podSelector } from './cache-labels';
import { DEVPI_COMMAND } from './start-script';
import { MALLOC_ARENA_ENV } from './sizing';
import { toValuesAnnotation } from './values-annotation';
import { toMap, type PipCacheValues } from './values';

/** The cluster's internal image registry, where a cache's built image is pushed and pulled. */
export const REGISTRY = 'image-registry.openshift-image-registry.svc:5000';

/** The container resources the values ask for; an edit patches the same shape. */
export const resourcesOf = (values: PipCacheValues): Container['resources'] => ({
  requests: {
    memory: values.resources.memoryRequest,
    ...(values.resources.cpuRequest ? { cpu: values.resources.cpuRequest } : {}),
  },
  limits: {
    memory: values.resources.memoryLimit,
    ...(values.resources.cpuLimit ? { cpu: values.resources.cpuLimit } : {}),
  },
});

/** Whether the cache runs an image it builds itself (not a given image reference). */
export const builtImage = (values: PipCacheValues): boolean => values.image.source !== 'image';

const dockerfile = (values: PipCacheValues): string =>
  [
    '# The FROM line is replaced by the python image stream tag of the build strategy.',
    'FROM python',
    // devpi-web is left out on purpose: it indexes every PyPI name at start.
    `RUN pip install --no-cache-dir "devpi-server==${values.image.devpiVersion}"`,
    'ENV HOME=/tmp',
    'EXPOSE 8080',
  ].join('\n');

const env = (name: string, value: string): EnvVar => ({ name, value });

const secretEnv = (name: string, secret: string, key: string, optional = false): EnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key, ...(optional ? { optional: true } : {}) } },
});

/** The Deployment that runs devpi, with the values annotation that lets an edit start from it. */
export const deploymentManifest = (
  values: PipCacheValues,
  namespace: string,
  pluginVersion: string,
): Deployment => {
  const { name } = values;
  const dataPath = values.storage.dataPath;
  const hasUpstreamCredentials = Boolean(values.devpi.upstreamUsername);
  const containerEnv: EnvVar[] = [
    env('DEVPISERVER_SERVERDIR', `${dataPath}/server`),
    // devpi derives a secret with argon2 at start using 512 MiB; 64 MiB keeps the pod within
    // its limit. As an environment variable, a devpi without the option simply ignores it.
    env('DEVPISERVER_ARGON2_MEMORY_COST', '65536'),
    env('HOME', '/tmp'),
    // glibc keeps memory freed by devpi's streaming threads in per-thread arenas; the cap keeps
    // fewer of them (see sizing.ts for what it did in measurements).
    env(MALLOC_ARENA_ENV.name, MALLOC_ARENA_ENV.value),
    secretEnv('DEVPI_ROOT_PASSWORD', `${name}-root`, 'password'),
    ...(values.devpi.upstreamUrl ? [env('DEVPI_MIRROR_URL', values.devpi.upstreamUrl)] : []),
    ...(values.devpi.cacheExpiry
      ? [env('DEVPI_MIRROR_CACHE_EXPIRY', values.devpi.cacheExpiry)]
      : []),
    ...(values.devpi.requestTimeout
      ? [env('DEVPI_REQUEST_TIMEOUT', values.devpi.requestTimeout)]
      : []),
    ...(values.devpi.offline ? [env('DEVPI_OFFLINE', 'true')] : []),
    ...(hasUpstreamCredentials
      ? [
          secretEnv('DEVPI_UPSTREAM_USERNAME', `${name}-root`, 'upstream-username'),
          secretEnv('DEVPI_UPSTREAM_PASSWORD', `${name}-root`, 'upstream-password', true),
        ]
      : []),
    ...(values.proxy.enabled
      ? [
          ...(values.proxy.httpProxy ? [env('HTTP_PROXY', values.proxy.httpProxy)] : []),
          ...(values.proxy.httpsProxy ? [env('HTTPS_PROXY', values.proxy.httpsProxy)] : []),
          ...(values.proxy.noProxy ? [env('NO_PROXY', values.proxy.noProxy)] : []),
        ]
      : []),
    ...(values.proxy.enabled && values.proxy.trustedCa
      ? [
          env('REQUESTS_CA_BUNDLE', '/etc/pki/pipcache/ca-bundle.crt'),
          env('SSL_CERT_FILE', '/etc/pki/pipcache/ca-bundle.crt'),
        ]
      : []),
  ];
  const probe = (periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path: '/+api', port: 'http' },
    periodSeconds,
    timeoutSeconds: 3,
    failureThreshold,
  });
  const image = builtImage(values)
    ? `${REGISTRY}/${namespace}/${name}:latest`
    : values.image.reference;
  const resources = resourcesOf(values);
  const nodeSelector = toMap(values.placement.pods);
  return {
    ...typeMeta(KINDS.Deployment),
    metadata: {
      name,
      namespace,
      labels: cacheLabels(values, 'cache'),
      annotations: {
        [ANNOTATION_VALUES]: toValuesAnnotation(values),
        [ANNOTATION_VERSION]: pluginVersion,
        ...(builtImage(values)
          ? {
              'image.openshift.io/triggers': JSON.stringify([
                {
                  from: { kind: 'ImageStreamTag', name: `${name}:latest` },
                  fieldPath: 'spec.template.spec.containers[?(@.name=="devpi")].image',
                },
              ]),
            }
          : {}),
      },
    },
    spec: {
      replicas: 1,
      // One server directory on a ReadWriteOnce volume: never two pods at once.
      strategy: { type: 'Recreate' },
      selector: { matchLabels: podSelector(values) },
      template: {
        metadata: { labels: cacheLabels(values, 'cache') },
        spec: {
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          // devpi never calls the API server: a token in the pod would only be a thing to steal.
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: 30,
          ...(Object.keys(nodeSelector).length ? { nodeSelector } : {}),
          containers: [
            {
              name: 'devpi',
              image,
              command: [...DEVPI_COMMAND],
              ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
              env: containerEnv,
              resources,
              // The first start initialises the server directory: give it up to five minutes.
              startupProbe: probe(5, 60),
              readinessProbe: probe(10, 3),
              livenessProbe: probe(30, 3),
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                capabilities: { drop: ['ALL'] },
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumeMounts: [
                { name: 'data', mountPath: dataPath },
                { name: 'tmp', mountPath: '/tmp' },
                ...(values.proxy.enabled && values.proxy.trustedCa
                  ? [{ name: 'trusted-ca', mountPath: '/etc/pki/pipcache', readOnly: true }]
                  : []),
              ],
            },
          ],
          volumes: [
            values.storage.kind === 'persistent'
              ? { name: 'data', persistentVolumeClaim: { claimName: `${name}-data` } }
              : { name: 'data', emptyDir: {} },
            { name: 'tmp', emptyDir: {} },
            ...(values.proxy.enabled && values.proxy.trustedCa
              ? [
                  {
                    name: 'trusted-ca',
                    configMap: {
                      name: `${name}-trusted-ca`,
                      items: [{ key: 'ca-bundle.crt', path: 'ca-bundle.crt' }],
                    },
                  },
                ]
              : []),
          ],
        },
      },
    },
  };
};

/** The BuildConfig that builds the cache's devpi image (s2i, Docker or from a Git repository). */
export const buildConfigManifest = (values: PipCacheValues, namespace: string): BuildConfig => {
  const { name } = values;
  const from = {
    kind: 'ImageStreamTag',
    namespace: 'openshift',
    name: `python:${values.image.pythonTag}`,
  };
  const nodeSelector = toMap(values.placement.build);
  const git = values.image.source === 'git';
  const docker = !git && values.image.strategy === 'docker';
  const triggers: BuildConfig['spec']['triggers'] = [
    { type: 'ConfigChange' },
    { type: 'ImageChange', imageChange: {} },
  ];
  if (git && values.image.githubWebhook) {
    triggers.push({ type: 'GitHub', github: { secretReference: { name: `${name}-webhook` } } });
  }
  let source: BuildConfig['spec']['source'];
  if (git) {
    source = {
      type: 'Git',
      git: {
        uri: values.image.gitUrl,
        ...(values.image.gitRef ? { ref: values.image.gitRef } : {}),
      },
      ...(values.image.contextDir ? { contextDir: values.image.contextDir } : {}),
    };
  } else if (docker) {
    source = { type: 'Dockerfile', dockerfile: dockerfile(values) };
  } else {
    // s2i without a repository: the ConfigMap's requirements.txt is the whole source.
    source = { type: 'None', configMaps: [{ configMap: { name: `${name}-source` } }] };
  }
  return {
    ...typeMeta(KINDS.BuildConfig),
    metadata: { name, namespace, labels: cacheLabels(values, 'build') },
    spec: {
      source,
      strategy: docker
        ? { type: 'Docker', dockerStrategy: { from } }
        : { type: 'Source', sourceStrategy: { from } },
      output: { to: { kind: 'ImageStreamTag', name: `${name}:latest` } },
      triggers,
      runPolicy: 'Serial',
      successfulBuildsHistoryLimit: 2,
      failedBuildsHistoryLimit: 2,
      ...(Object.keys(nodeSelector).length ? { nodeSelector } : {}),
    },
  };
};
