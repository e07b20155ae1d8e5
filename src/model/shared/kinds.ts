/**
 * The one table of the Kubernetes and OpenShift kinds the plugin reads or writes: group,
 * version, kind, plural, scope, and the `K8sModel` the console SDK's calls take. Manifests take
 * their `apiVersion` and `kind` from here, watches their group/version/kind, API calls their
 * model, so that a kind is spelled once.
 */
import type {
  AccessReviewResourceAttributes,
  K8sGroupVersionKind,
  K8sModel,
  K8sVerb,
} from '@openshift-console/dynamic-plugin-sdk';
import type {
  Build,
  BuildConfig,
  ConfigMap,
  Deployment,
  ImageStream,
  NetworkPolicy,
  PersistentVolumeClaim,
  Pod,
  Route,
  Secret,
  Service,
} from './k8s-types';

/** One kind: its name parts, the `apiVersion` its objects carry, and the SDK's model of it. */
export interface KindEntry<Kind extends string = string, ApiVersion extends string = string> {
  /** The API group; undefined for the core group. */
  group?: string;
  version: string;
  kind: Kind;
  /** What objects of this kind carry in `apiVersion` (`group/version`, or `version` for core). */
  apiVersion: ApiVersion;
  plural: string;
  namespaced: boolean;
  /** Group, version and kind, as the SDK's watches and links take them. */
  gvk: K8sGroupVersionKind;
  /** The model the SDK's k8s calls take. */
  model: K8sModel;
}

interface Naming {
  plural: string;
  abbr: string;
  namespaced?: boolean;
  /** The plural label, when adding an `s` to the kind is wrong. */
  labelPlural?: string;
}

const entry = <const Kind extends string, const ApiVersion extends string>(
  group: string | undefined,
  version: string,
  kind: Kind,
  apiVersion: ApiVersion,
  { plural, abbr, namespaced = true, labelPlural = `${kind}s` }: Naming,
): KindEntry<Kind, ApiVersion> => ({
  ...(group ? { group } : {}),
  version,
  kind,
  apiVersion,
  plural,
  namespaced,
  gvk: group ? { group, version, kind } : { version, kind },
  model: {
    kind,
    plural,
    apiVersion: version,
    ...(group ? { apiGroup: group } : {}),
    label: kind,
    labelPlural,
    abbr,
    namespaced,
  },
});

/** A kind of the core API group (`apiVersion: v1`). */
const core = <const Kind extends string>(kind: Kind, naming: Naming) =>
  entry(undefined, 'v1', kind, 'v1', naming);

/** A kind of a named API group at version v1 (`apiVersion: group/v1`). */
const grouped = <const Group extends string, const Kind extends string>(
  group: Group,
  kind: Kind,
  naming: Naming,
) => entry(group, 'v1', kind, `${group}/v1` as const, naming);

/** Every kind the plugin touches, by kind name (`ClusterBuild` is config.openshift.io's Build). */
export const KINDS = {
  Deployment: grouped('apps', 'Deployment', { plural: 'deployments', abbr: 'D' }),
  Service: core('Service', { plural: 'services', abbr: 'S' }),
  Route: grouped('route.openshift.io', 'Route', { plural: 'routes', abbr: 'RT' }),
  PersistentVolumeClaim: core('PersistentVolumeClaim', {
    plural: 'persistentvolumeclaims',
    abbr: 'PVC',
  }),
  BuildConfig: grouped('build.openshift.io', 'BuildConfig', { plural: 'buildconfigs', abbr: 'BC' }),
  Build: grouped('build.openshift.io', 'Build', { plural: 'builds', abbr: 'B' }),
  Pod: core('Pod', { plural: 'pods', abbr: 'P' }),
  ImageStream: grouped('image.openshift.io', 'ImageStream', { plural: 'imagestreams', abbr: 'IS' }),
  ConfigMap: core('ConfigMap', { plural: 'configmaps', abbr: 'CM' }),
  Secret: core('Secret', { plural: 'secrets', abbr: 'S' }),
  NetworkPolicy: grouped('networking.k8s.io', 'NetworkPolicy', {
    plural: 'networkpolicies',
    abbr: 'NETPOL',
    labelPlural: 'NetworkPolicies',
  }),
  /** The original templates' kind, which migration replaces. */
  DeploymentConfig: grouped('apps.openshift.io', 'DeploymentConfig', {
    plural: 'deploymentconfigs',
    abbr: 'DC',
  }),
  Project: grouped('project.openshift.io', 'Project', {
    plural: 'projects',
    abbr: 'PR',
    namespaced: false,
  }),
  StorageClass: grouped('storage.k8s.io', 'StorageClass', {
    plural: 'storageclasses',
    abbr: 'SC',
    namespaced: false,
    labelPlural: 'StorageClasses',
  }),
  /** The cluster's build defaults (`builds.config.openshift.io/cluster`). */
  ClusterBuild: grouped('config.openshift.io', 'Build', {
    plural: 'builds',
    abbr: 'B',
    namespaced: false,
  }),
} as const;

export type KindName = keyof typeof KINDS;

/** The typed object of each kind the plugin reads as a whole, as far as it reads it. */
interface KindObjects {
  Deployment: Deployment;
  Service: Service;
  Route: Route;
  PersistentVolumeClaim: PersistentVolumeClaim;
  BuildConfig: BuildConfig;
  Build: Build;
  Pod: Pod;
  ImageStream: ImageStream;
  ConfigMap: ConfigMap;
  Secret: Secret;
  NetworkPolicy: NetworkPolicy;
}

/** The typed object of a kind of the table. */
export type KindObject<N extends keyof KindObjects & KindName> = KindObjects[N];

/**
 * Every kind a cache may own, in the order the UI deletes them: what serves traffic first, the
 * data last, so that a half-finished delete never leaves a running server without its secret.
 */
export const CACHE_OWNED_KINDS = [
  KINDS.Route,
  KINDS.NetworkPolicy,
  KINDS.Service,
  KINDS.Deployment,
  KINDS.BuildConfig,
  KINDS.ImageStream,
  KINDS.ConfigMap,
  KINDS.Secret,
  KINDS.PersistentVolumeClaim,
] as const;

/** The name of a kind a cache may own (the kinds of its manifests). */
export type OwnedKindName = (typeof CACHE_OWNED_KINDS)[number]['kind'];

/** The model of a kind a cache may own, by its name (as a manifest's `kind` gives it). */
export const ownedModel = (kind: OwnedKindName): K8sModel => KINDS[kind].model;

/** `apiVersion` and `kind` of an object of `entry`'s kind, for a manifest to start with. */
export const typeMeta = <Kind extends string, ApiVersion extends string>(
  kindEntry: KindEntry<Kind, ApiVersion>,
): { apiVersion: ApiVersion; kind: Kind } => ({
  apiVersion: kindEntry.apiVersion,
  kind: kindEntry.kind,
});

/** Where an access review asks about: a namespace and object name, and a subresource. */
export interface AccessTarget {
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * The attributes of an access review of `verb` on objects of `kindEntry`'s kind, so that reviews
 * take group and resource from the table; unset parts are left out rather than sent empty.
 */
export const accessOf = (
  kindEntry: KindEntry,
  verb: K8sVerb,
  { namespace, name, subresource }: AccessTarget = {},
): AccessReviewResourceAttributes => ({
  ...(kindEntry.group ? { group: kindEntry.group } : {}),
  resource: kindEntry.plural,
  ...(subresource ? { subresource } : {}),
  verb,
  ...(namespace ? { namespace } : {}),
  ...(name ? { name } : {}),
});
