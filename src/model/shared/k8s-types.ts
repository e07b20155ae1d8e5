/**
 * Typed manifests. Core kinds come from kubernetes-models' interfaces (types only, nothing
 * of the package is bundled); the OpenShift kinds are written here from the OpenShift API
 * reference, as far as the plugin reads or writes them.
 */
import type { IObjectMeta as ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
export type { ObjectMeta };

export type { IConfigMap as ConfigMap } from 'kubernetes-models/v1/ConfigMap';
export type { ISecret as Secret } from 'kubernetes-models/v1/Secret';
export type { IService as Service } from 'kubernetes-models/v1/Service';
export type { IPod as Pod } from 'kubernetes-models/v1/Pod';
export type { IPersistentVolumeClaim as PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
export type { IContainer as Container } from 'kubernetes-models/v1/Container';
export type { IEnvVar as EnvVar } from 'kubernetes-models/v1/EnvVar';
export type { IPodSpec as PodSpec } from 'kubernetes-models/v1/PodSpec';
export type { IDeployment as Deployment } from 'kubernetes-models/apps/v1/Deployment';
export type { INetworkPolicy as NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';

/** A reference to an ImageStreamTag, an image, or another object by kind and name. */
export interface ObjectReference {
  kind: string;
  name: string;
  namespace?: string;
}

export interface RouteIngressCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface Route {
  apiVersion: 'route.openshift.io/v1';
  kind: 'Route';
  metadata: ObjectMeta;
  spec: {
    host?: string;
    path?: string;
    to: { kind: 'Service'; name: string; weight?: number };
    port?: { targetPort: string | number };
    tls?: {
      termination: 'edge' | 'passthrough' | 'reencrypt';
      insecureEdgeTerminationPolicy?: 'Allow' | 'Redirect' | 'None';
    };
    wildcardPolicy?: 'None' | 'Subdomain';
  };
  status?: {
    ingress?: {
      host?: string;
      routerName?: string;
      routerCanonicalHostname?: string;
      conditions?: RouteIngressCondition[];
    }[];
  };
}

export interface BuildSource {
  type: 'Git' | 'Dockerfile' | 'Binary' | 'Image' | 'None';
  git?: { uri: string; ref?: string };
  contextDir?: string;
  dockerfile?: string;
  configMaps?: { configMap: { name: string }; destinationDir?: string }[];
}

export interface EnvEntry {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

export interface BuildStrategy {
  type: 'Source' | 'Docker' | 'Custom' | 'JenkinsPipeline';
  sourceStrategy?: { from: ObjectReference; env?: EnvEntry[]; incremental?: boolean };
  dockerStrategy?: { from?: ObjectReference; env?: EnvEntry[]; noCache?: boolean };
}

export interface BuildTriggerPolicy {
  type: 'ConfigChange' | 'ImageChange' | 'GitHub' | 'Generic' | 'GitLab' | 'Bitbucket';
  imageChange?: { from?: ObjectReference };
  github?: { secretReference: { name: string } };
}

export interface BuildConfig {
  apiVersion: 'build.openshift.io/v1';
  kind: 'BuildConfig';
  metadata: ObjectMeta;
  spec: {
    source: BuildSource;
    strategy: BuildStrategy;
    output?: { to?: ObjectReference };
    triggers?: BuildTriggerPolicy[];
    nodeSelector?: Record<string, string> | null;
    runPolicy?: 'Serial' | 'Parallel' | 'SerialLatestOnly';
    successfulBuildsHistoryLimit?: number;
    failedBuildsHistoryLimit?: number;
    resources?: Record<string, unknown>;
  };
  status?: { lastVersion?: number };
}

export type BuildPhase =
  'New' | 'Pending' | 'Running' | 'Complete' | 'Failed' | 'Error' | 'Cancelled';

export interface Build {
  apiVersion: 'build.openshift.io/v1';
  kind: 'Build';
  metadata: ObjectMeta;
  spec?: BuildConfig['spec'];
  status?: {
    phase: BuildPhase;
    message?: string;
    reason?: string;
    startTimestamp?: string;
    completionTimestamp?: string;
  };
}

export interface ImageStream {
  apiVersion: 'image.openshift.io/v1';
  kind: 'ImageStream';
  metadata: ObjectMeta;
  spec?: {
    lookupPolicy?: { local: boolean };
    tags?: { name: string; annotations?: Record<string, string> | null; from?: ObjectReference }[];
  };
  status?: {
    dockerImageRepository?: string;
    tags?: { tag: string; items?: { dockerImageReference: string; image: string }[] | null }[];
  };
}
