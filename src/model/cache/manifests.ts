import {
  type BuildConfig,
  type ConfigMap,
  type Deployment,
  type ImageStream,
  type NetworkPolicy,
  type PersistentVolumeClaim,
  type Route,
  type Secret,
  type Service,
  KINDS,
  typeMeta,
} from '../shared';
import { cacheLabels, podSelector } from './cache-labels';
import { generateSecrets, type GeneratedSecrets, type RandomSource } from './generated-secrets';
import { normalizeDevpiVersion } from './pep440';
import { networkPolicyManifest, routeManifest } from './route-manifests';
import { DEFAULT_DEVPI_VERSION, type PipCacheValues } from './values';
import { buildConfigManifest, builtImage, deploymentManifest } from './workload-manifests';

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

export interface ManifestOptions {
  pluginVersion: string;
  /** `create` carries real Secret data; `preview` replaces it with a placeholder. */
  rendering: 'create' | 'preview';
  /** Secret values generated once per form (so they do not change as the form changes). */
  secrets?: GeneratedSecrets;
}

export const SECRET_PLACEHOLDER = '<generated when the cache is created>';

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
  planned.push({ object: deploymentManifest(values, namespace, options.pluginVersion) });
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
