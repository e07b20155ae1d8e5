import {
  ANNOTATION_VALUES,
  ANNOTATION_VERSION,
  APP_NAME,
  contractLabels,
  LABEL_INSTANCE,
  LABEL_NAME,
  type CacheComponent,
} from './contract';
import type {
  BuildConfig,
  ConfigMap,
  Container,
  Deployment,
  EnvVar,
  ImageStream,
  NetworkPolicy,
  PersistentVolumeClaim,
  Route,
  Secret,
  Service,
} from './k8s-types';
import { KINDS, typeMeta } from './kinds';
import { normalizeDevpiVersion } from './pep440';
import { DEVPI_COMMAND } from './start-script';
import { MALLOC_ARENA_ENV } from './sizing';
import { FILES_ROUTE_PATH, filesRouteName, SIMPLE_ROUTE_PATH } from './urls';
import { toValuesAnnotation } from './values-annotation';
import { DEFAULT_DEVPI_VERSION, toMap, type PipCacheValues } from './values';

/** Every kind of object a cache may consist of. */
export type CacheManifest =
  | Secret
  | ConfigMap
  | PersistentVolumeClaim
  | ImageStream
  | BuildConfig
  | Service
  | Deployment
  | Route
  | NetworkPolicy;

/** One object to create, with a note for the YAML preview where one helps. */
export interface PlannedManifest {
  object: CacheManifest;
  /** Shown as a comment above the object in the preview and the download. */
  comment?: string;
  /**
   * The name of an earlier Route of the plan whose `spec.host`, as the API server's answer to
   * its create has it (a generated host included), this Route takes before it is sent.
   */
  hostFrom?: string;
}

/** Random bytes: the browser's crypto in the app, a seeded source in tests. */
export type RandomSource = (length: number) => Uint8Array;

export interface ManifestOptions {
  pluginVersion: string;
  /** `create` carries real Secret data; `preview` replaces it with a placeholder. */
  rendering: 'create' | 'preview';
  /** Secret values generated once per form (so they do not change as the form changes). */
  secrets?: GeneratedSecrets;
}

export interface GeneratedSecrets {
  rootPassword: string;
  webhookSecret: string;
}

export const SECRET_PLACEHOLDER = '<generated when the cache is created>';
export const REGISTRY = 'image-registry.openshift-image-registry.svc:5000';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random string of letters and digits, unbiased (rejection sampling over the bytes). */
export const randomString = (random: RandomSource, length: number): string => {
  let result = '';
  while (result.length < length) {
    for (const byte of random(length * 2)) {
      // 248 is the largest multiple of 62 below 256: higher bytes would bias the choice.
      if (byte < 248 && result.length < length) result += ALPHANUMERIC.charAt(byte % 62);
    }
  }
  return result;
};

/** Generates the secrets of a cache once: root's password (32) and the webhook secret (40). */
export const generateSecrets = (random: RandomSource): GeneratedSecrets => ({
  rootPassword: randomString(random, 32),
  webhookSecret: randomString(random, 40),
});

/** The contract's labels for one object of the cache, plus the user's extra labels. */
export const cacheLabels = (
  values: PipCacheValues,
  component: CacheComponent,
): Record<string, string> => ({
  ...toMap(values.labels),
  ...contractLabels(values.name, component, values.applicationGroup || values.name),
});

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

const podSelector = (values: PipCacheValues): Record<string, string> => ({
  [LABEL_NAME]: APP_NAME,
  [LABEL_INSTANCE]: values.name,
});

const builtImage = (values: PipCacheValues): boolean => values.image.source !== 'image';

const dockerfile = (values: PipCacheValues): string =>
  [
    '# The FROM line is replaced by the python image stream tag of the build strategy.',
    'FROM python',
    // devpi-web is left out on purpose: it indexes every PyPI name at start.
    `RUN pip install --no-cache-dir "devpi-server==${values.image.devpiVersion}"`,
    'ENV HOME=/tmp',
    'EXPOSE 8080',
  ].join('\n');

const secretManifest = (
  values: PipCacheValues,
  namespace: string,
  name: string,
  data: Record<string, string>,
  preview: boolean,
): Secret => ({
  ...typeMeta(KINDS.Secret),
  metadata: { name, namespace, labels: cacheLabels(values, 'credentials') },
  type: 'Opaque',
  stringData: preview
    ? Object.fromEntries(Object.keys(data).map((key) => [key, SECRET_PLACEHOLDER]))
    : data,
});

const env = (name: string, value: string): EnvVar => ({ name, value });

const secretEnv = (name: string, secret: string, key: string, optional = false): EnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key, ...(optional ? { optional: true } : {}) } },
});

const deploymentManifest = (
  values: PipCacheValues,
  namespace: string,
  options: ManifestOptions,
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
        [ANNOTATION_VERSION]: options.pluginVersion,
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

const buildConfigManifest = (values: PipCacheValues, namespace: string): BuildConfig => {
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

/**
 * One of the cache's two Routes. They share one host: `N` publishes the simple pages and
 * `N-files` the package files they link to, and nothing else of devpi (not /+status, /+login,
 * user management or the index's JSON config) is reachable from outside the cluster.
 */
export const routeManifest = (
  values: PipCacheValues,
  namespace: string,
  part: 'simple' | 'files' = 'simple',
): Route => {
  const cidrs = values.route.allowedCidrs.split(/\s+/).filter(Boolean);
  return {
    ...typeMeta(KINDS.Route),
    metadata: {
      name: part === 'simple' ? values.name : filesRouteName(values.name),
      namespace,
      labels: cacheLabels(values, 'cache'),
      ...(cidrs.length
        ? { annotations: { 'haproxy.router.openshift.io/ip_whitelist': cidrs.join(' ') } }
        : {}),
    },
    spec: {
      ...(values.route.host ? { host: values.route.host } : {}),
      path: part === 'simple' ? SIMPLE_ROUTE_PATH : FILES_ROUTE_PATH,
      to: { kind: 'Service', name: values.name, weight: 100 },
      port: { targetPort: 'http' },
      tls: {
        termination: 'edge',
        insecureEdgeTerminationPolicy: values.route.insecureEdgeTermination,
      },
      wildcardPolicy: 'None',
    },
  };
};

/** The NetworkPolicy that admits the router, the API server's service proxy, the cache's own project and its client projects. */
export const networkPolicyManifest = (values: PipCacheValues, namespace: string): NetworkPolicy => {
  const clients = values.network.clientProjects.split(/\s+/).filter(Boolean);
  const namespaceLabel = (key: string, value = '') => ({
    namespaceSelector: { matchLabels: { [key]: value } },
  });
  return {
    ...typeMeta(KINDS.NetworkPolicy),
    metadata: {
      name: `${values.name}-allow-clients`,
      namespace,
      labels: cacheLabels(values, 'network'),
    },
    spec: {
      podSelector: { matchLabels: podSelector(values) },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            // The cache's own project.
            { podSelector: {} },
            // The router, for the Route (current and older label).
            namespaceLabel('policy-group.network.openshift.io/ingress'),
            namespaceLabel('network.openshift.io/policy-group', 'ingress'),
            // Host-network traffic: how the API server's service proxy (the health probe) arrives.
            namespaceLabel('policy-group.network.openshift.io/host-network'),
            // Build pods of the client projects (every project when none is named).
            clients.length
              ? {
                  namespaceSelector: {
                    matchExpressions: [
                      { key: 'kubernetes.io/metadata.name', operator: 'In', values: clients },
                    ],
                  },
                }
              : { namespaceSelector: {} },
          ],
          ports: [{ protocol: 'TCP', port: 8080 }],
        },
      ],
    },
  };
};

/**
 * The objects of a cache in creation order: Secrets and ConfigMaps first (the Deployment and
 * the BuildConfig refer to them), then storage, the image build, the Service, the Deployment,
 * the Route and the NetworkPolicy.
 */
export const buildManifests = (
  typed: PipCacheValues,
  namespace: string,
  random: RandomSource,
  options: ManifestOptions,
): PlannedManifest[] => {
  // The pin (and the values annotation) get the normal form of the version PEP 440 accepts. A
  // version it refuses never reaches the Dockerfile or requirements.txt as typed: the form
  // refuses to create with it, and the preview shows the default pin meanwhile.
  const values: PipCacheValues = {
    ...typed,
    image: {
      ...typed.image,
      devpiVersion: normalizeDevpiVersion(typed.image.devpiVersion) ?? DEFAULT_DEVPI_VERSION,
    },
  };
  const { name } = values;
  const preview = options.rendering === 'preview';
  const secrets = options.secrets ?? generateSecrets(random);
  const planned: PlannedManifest[] = [];
  const secretComment = preview
    ? 'Secret values are not shown. Create this Secret with real values of your own, for example:\n' +
      `oc create secret generic ${name}-root -n ${namespace} --from-literal=password="$(openssl rand -hex 16)"`
    : undefined;

  planned.push({
    object: secretManifest(
      values,
      namespace,
      `${name}-root`,
      {
        password: secrets.rootPassword,
        ...(values.devpi.upstreamUsername
          ? {
              'upstream-username': values.devpi.upstreamUsername,
              'upstream-password': values.devpi.upstreamPassword,
            }
          : {}),
      },
      preview,
    ),
    comment: secretComment,
  });
  if (values.image.source === 'git' && values.image.githubWebhook) {
    planned.push({
      object: secretManifest(
        values,
        namespace,
        `${name}-webhook`,
        { WebHookSecretKey: secrets.webhookSecret },
        preview,
      ),
      comment: preview ? 'The webhook secret is generated when the cache is created.' : undefined,
    });
  }
  if (values.image.source === 'build' && values.image.strategy === 's2i') {
    planned.push({
      object: {
        ...typeMeta(KINDS.ConfigMap),
        metadata: { name: `${name}-source`, namespace, labels: cacheLabels(values, 'build') },
        data: { 'requirements.txt': `devpi-server==${values.image.devpiVersion}\n` },
      },
    });
  }
  if (values.proxy.enabled && values.proxy.trustedCa) {
    planned.push({
      object: {
        ...typeMeta(KINDS.ConfigMap),
        metadata: {
          name: `${name}-trusted-ca`,
          namespace,
          labels: {
            ...cacheLabels(values, 'credentials'),
            'config.openshift.io/inject-trusted-cabundle': 'true',
          },
        },
      },
      comment: preview
        ? 'OpenShift fills this ConfigMap with the cluster trusted CA bundle.'
        : undefined,
    });
  }
  if (values.storage.kind === 'persistent') {
    planned.push({
      object: {
        ...typeMeta(KINDS.PersistentVolumeClaim),
        metadata: { name: `${name}-data`, namespace, labels: cacheLabels(values, 'cache') },
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: values.storage.size } },
          ...(values.storage.storageClass ? { storageClassName: values.storage.storageClass } : {}),
        },
      },
    });
  }
  if (builtImage(values)) {
    planned.push({
      object: {
        ...typeMeta(KINDS.ImageStream),
        metadata: { name, namespace, labels: cacheLabels(values, 'build') },
        spec: { lookupPolicy: { local: false } },
      },
    });
    planned.push({ object: buildConfigManifest(values, namespace) });
  }
  planned.push({
    object: {
      ...typeMeta(KINDS.Service),
      metadata: { name, namespace, labels: cacheLabels(values, 'cache') },
      spec: {
        selector: podSelector(values),
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      },
    },
  });
  planned.push({ object: deploymentManifest(values, namespace, options) });
  if (values.route.enabled) {
    planned.push({ object: routeManifest(values, namespace, 'simple') });
    planned.push({
      object: routeManifest(values, namespace, 'files'),
      // Without a typed host the API server generates one for N on create (`N-NS.<domain>`);
      // N-files must share it, so it is copied from N's create answer (dry run included).
      ...(values.route.host ? {} : { hostFrom: name }),
      comment:
        preview && !values.route.host
          ? `Takes the host the cluster generates for the Route ${name} (the same host, another path).`
          : undefined,
    });
  }
  if (values.network.policy) planned.push({ object: networkPolicyManifest(values, namespace) });
  return planned;
};
