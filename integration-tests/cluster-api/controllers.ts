import { createHash, randomBytes } from 'crypto';
import { findResource, type ResourceType } from './resources';
import type { K8sObject, Store } from './store';
import { record } from './objects';
import { matchesLabelSelector, type LabelSelector } from './selectors';

/** The label a Deployment puts on the pods of one pod template, as the real controller does. */
const TEMPLATE_HASH = 'pod-template-hash';

const isPodReady = (pod: K8sObject): boolean =>
  ((record(pod.status).conditions ?? []) as { type?: string; status?: string }[]).some(
    (condition) => condition.type === 'Ready' && condition.status === 'True',
  );

/** How the simulated cluster behaves over time. */
export interface ControllerSettings {
  /** Delay of each step (a build phase, a pod becoming ready, a route being admitted). */
  stepMs: number;
  /** Whether builds fail instead of completing. */
  failBuilds: boolean;
  domain: string;
}

const type = (group: string, plural: string): ResourceType => {
  const found = findResource(group, 'v1', plural);
  if (!found) throw new Error(`no resource ${group}/${plural}`);
  return found;
};

const RESOURCE = {
  routes: type('route.openshift.io', 'routes'),
  services: type('', 'services'),
  pvcs: type('', 'persistentvolumeclaims'),
  buildConfigs: type('build.openshift.io', 'buildconfigs'),
  builds: type('build.openshift.io', 'builds'),
  imageStreams: type('image.openshift.io', 'imagestreams'),
  deployments: type('apps', 'deployments'),
  deploymentConfigs: type('apps.openshift.io', 'deploymentconfigs'),
  pods: type('', 'pods'),
};

/**
 * What OpenShift's controllers do for the objects a cache consists of, in simulated time:
 * Services get cluster IPs, claims bind, the router admits Routes (or refuses a host another
 * Route holds), BuildConfigs start builds that run and push an image, and Deployments get a
 * ready pod once their image exists. They act on objects created through the API only, so that
 * objects seeded by tests keep the status the test gave them.
 */
export class Controllers {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly store: Store,
    readonly settings: ControllerSettings,
  ) {}

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(steps: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, this.settings.stepMs * steps);
    this.timers.add(timer);
  }

  /** Reacts to an object created through the API. */
  onCreated(kind: string, object: K8sObject): void {
    const { namespace, name = '' } = object.metadata;
    switch (kind) {
      case 'Service':
        this.patchStored(RESOURCE.services, namespace, name, (o) => {
          o.spec = {
            ...record(o.spec),
            clusterIP: `172.30.${randomBytes(1)[0] ?? 0}.${randomBytes(1)[0] ?? 1}`,
          };
        });
        break;
      case 'PersistentVolumeClaim':
        this.later(1, () =>
          this.patchStored(RESOURCE.pvcs, namespace, name, (o) => {
            const requested = record(record(record(o.spec).resources).requests).storage;
            o.status = {
              phase: 'Bound',
              accessModes: record(o.spec).accessModes,
              capacity: { storage: requested },
            };
          }),
        );
        break;
      case 'Route':
        this.later(1, () => this.admitRoute(namespace, name));
        break;
      case 'BuildConfig': {
        const triggers = (record(object.spec).triggers ?? []) as { type?: string }[];
        if (triggers.some((trigger) => trigger.type === 'ConfigChange'))
          this.startBuild(namespace, name);
        break;
      }
      case 'Build':
        this.runBuild(namespace, name);
        break;
      case 'Deployment':
        this.later(1, () => this.rollOut(namespace, name));
        break;
      case 'DeploymentConfig':
        this.later(1, () => this.scaleConfig(namespace, name));
        break;
      default:
        break;
    }
  }

  private patchStored(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    change: (object: K8sObject) => void,
  ): K8sObject | undefined {
    const object = this.store.get(resource, namespace, name);
    if (!object) return undefined;
    change(object);
    return this.store.update(resource, object);
  }

  /**
   * What the API server does to a Route it is asked to create (a dry run included): without a
   * host it allocates `<name>-<namespace>.<domain>` and marks it `openshift.io/host.generated`,
   * as openshift-apiserver's route strategy (`allocateHost`) does.
   */
  allocateRouteHost(object: K8sObject): void {
    const spec = record(object.spec);
    if (spec.host) return;
    const { name = '', namespace = '' } = object.metadata;
    object.spec = { ...spec, host: `${name}-${namespace}.${this.settings.domain}` };
    object.metadata.annotations = {
      ...object.metadata.annotations,
      'openshift.io/host.generated': 'true',
    };
  }

  /**
   * The router's admission, as openshift/router's host admitter has it: a host belongs to the
   * namespace of its oldest admitted Route; Routes of that namespace share it when their paths
   * differ (the router then sends each request to the longest matching path), and a second
   * Route with the same host and path, or any Route of another namespace, is refused.
   */
  private admitRoute(namespace: string | undefined, name: string): void {
    const route = this.store.get(RESOURCE.routes, namespace, name);
    if (!route) return;
    const host =
      (record(route.spec).host as string | undefined) ??
      `${name}-${namespace ?? ''}.${this.settings.domain}`;
    const path = (record(route.spec).path as string | undefined) ?? '';
    const claimed = this.store.list(RESOURCE.routes).some(
      (other) =>
        !(other.metadata.name === name && other.metadata.namespace === namespace) &&
        (other.metadata.namespace !== namespace ||
          ((record(other.spec).path as string | undefined) ?? '') === path) &&
        (
          (record(other.status).ingress ?? []) as {
            host?: string;
            conditions?: { type: string; status: string }[];
          }[]
        ).some(
          (ingress) =>
            ingress.host === host &&
            ingress.conditions?.some((c) => c.type === 'Admitted' && c.status === 'True'),
        ),
    );
    route.status = {
      ingress: [
        {
          host,
          routerName: 'default',
          conditions: [
            claimed
              ? {
                  type: 'Admitted',
                  status: 'False',
                  reason: 'HostAlreadyClaimed',
                  message: `route ${name} already exposes ${host} and is older`,
                }
              : { type: 'Admitted', status: 'True', lastTransitionTime: new Date().toISOString() },
          ],
        },
      ],
    };
    this.store.update(RESOURCE.routes, route);
  }

  /** Starts the next build of a BuildConfig (as a ConfigChange trigger or `instantiate` does). */
  startBuild(namespace: string | undefined, name: string): K8sObject | undefined {
    const buildConfig = this.store.get(RESOURCE.buildConfigs, namespace, name);
    if (!buildConfig) return undefined;
    const status = record(buildConfig.status) as { lastVersion?: number };
    const version = (status.lastVersion ?? 0) + 1;
    this.store.update(RESOURCE.buildConfigs, {
      ...buildConfig,
      status: { ...status, lastVersion: version },
    });
    const build = this.store.create(RESOURCE.builds, {
      apiVersion: 'build.openshift.io/v1',
      kind: 'Build',
      metadata: {
        name: `${name}-${version}`,
        namespace,
        labels: {
          ...(buildConfig.metadata.labels ?? {}),
          buildconfig: name,
          'openshift.io/build-config.name': name,
        },
        annotations: {
          'openshift.io/build-config.name': name,
          'openshift.io/build.number': String(version),
        },
        ownerReferences: [
          {
            apiVersion: 'build.openshift.io/v1',
            kind: 'BuildConfig',
            name,
            uid: buildConfig.metadata.uid,
            controller: true,
          },
        ],
      },
      spec: buildConfig.spec,
      status: { phase: 'New' },
    });
    this.runBuild(namespace, build.metadata.name ?? '');
    return build;
  }

  private runBuild(namespace: string | undefined, name: string): void {
    const phase = (value: string, message?: string) =>
      this.patchStored(RESOURCE.builds, namespace, name, (o) => {
        o.status = { ...record(o.status), phase: value, ...(message ? { message } : {}) };
      });
    this.later(1, () => phase('Running'));
    this.later(3, () => {
      if (this.settings.failBuilds) {
        phase('Failed', 'Generic build failed (a fault knob of the in-memory cluster)');
        return;
      }
      const build = phase('Complete');
      const output = record(record(record(build?.spec).output).to).name as string | undefined;
      if (output) this.pushImage(namespace, output);
    });
  }

  private pushImage(namespace: string | undefined, tagName: string): void {
    const [stream = '', tag = 'latest'] = tagName.split(':');
    const digest = `sha256:${randomBytes(32).toString('hex')}`;
    const reference = `image-registry.openshift-image-registry.svc:5000/${namespace ?? ''}/${stream}@${digest}`;
    this.patchStored(RESOURCE.imageStreams, namespace, stream, (o) => {
      const tags = ((record(o.status).tags ?? []) as { tag: string }[]).filter(
        (t) => t.tag !== tag,
      );
      o.status = {
        ...record(o.status),
        tags: [...tags, { tag, items: [{ dockerImageReference: reference, image: digest }] }],
      };
    });
    // Image change triggers: roll out the Deployments that follow this tag.
    for (const deployment of this.store.list(RESOURCE.deployments, namespace)) {
      const triggers = deployment.metadata.annotations?.['image.openshift.io/triggers'] ?? '';
      if (triggers.includes(`"${stream}:${tag}"`))
        this.later(1, () => this.rollOut(namespace, deployment.metadata.name ?? ''));
    }
  }

  /** The image a Deployment's image change trigger resolves to now, if it has a trigger. */
  private triggeredImage(deployment: K8sObject): { pushed: boolean; image?: string } {
    const triggers = deployment.metadata.annotations?.['image.openshift.io/triggers'];
    if (!triggers) return { pushed: true };
    const match = /"name":"([^":]+):([^"]+)"/.exec(triggers);
    const stream = match
      ? this.store.get(RESOURCE.imageStreams, deployment.metadata.namespace, match[1] ?? '')
      : undefined;
    const tag = (
      (record(stream?.status).tags ?? []) as { tag: string; items?: { image?: string }[] }[]
    ).find((t) => t.tag === (match?.[2] ?? 'latest'));
    return { pushed: Boolean(tag), image: tag?.items?.[0]?.image };
  }

  /**
   * The pods a Deployment controls: those it owns, and (for pods seeded by tests without an
   * owner) those its selector matches.
   */
  private podsOf(deployment: K8sObject): K8sObject[] {
    const selector = record(record(deployment.spec).selector) as LabelSelector;
    const template = record(record(deployment.spec).template);
    const labels = (record(template.metadata).labels ?? {}) as Record<string, string>;
    return this.store.list(RESOURCE.pods, deployment.metadata.namespace).filter((pod) => {
      const owners = (pod.metadata.ownerReferences ?? []) as { uid?: string }[];
      if (owners.length > 0) return owners.some((owner) => owner.uid === deployment.metadata.uid);
      return selector.matchLabels || selector.matchExpressions
        ? matchesLabelSelector(selector, pod.metadata.labels)
        : Object.keys(labels).length > 0 &&
            matchesLabelSelector({ matchLabels: labels }, pod.metadata.labels);
    });
  }

  private updateDeploymentStatus(deployment: K8sObject, hash: string): void {
    const latest = this.store.get(
      RESOURCE.deployments,
      deployment.metadata.namespace,
      deployment.metadata.name ?? '',
    );
    if (!latest) return;
    const pods = this.podsOf(latest);
    const ready = pods.filter(isPodReady).length;
    const replicas = (record(latest.spec).replicas as number | undefined) ?? 1;
    latest.status = {
      replicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      updatedReplicas: pods.filter((pod) => pod.metadata.labels?.[TEMPLATE_HASH] === hash).length,
      ...(replicas > ready ? { unavailableReplicas: replicas - ready } : {}),
      observedGeneration: latest.metadata.generation,
    };
    this.store.update(RESOURCE.deployments, latest);
  }

  /**
   * Rolls a Deployment out as its Recreate strategy does, once the image it follows (if any)
   * exists: pods of an older pod template (or of an older image) are stopped first, and only
   * when none is left do new pods start, each carrying the template's labels and annotations
   * and becoming ready one step after it starts. Scaling only adds or removes pods.
   */
  private rollOut(namespace: string | undefined, name: string): void {
    const deployment = this.store.get(RESOURCE.deployments, namespace, name);
    if (!deployment) return;
    const { pushed, image } = this.triggeredImage(deployment);
    if (!pushed) return;
    const replicas = (record(deployment.spec).replicas as number | undefined) ?? 1;
    const template = record(record(deployment.spec).template);
    // A new image from the trigger is a new template in a real cluster (the trigger writes it).
    const hash = createHash('sha256')
      .update(JSON.stringify([template, image ?? '']))
      .digest('hex')
      .slice(0, 10);
    const pods = this.podsOf(deployment);
    const stale = pods.filter((pod) => pod.metadata.labels?.[TEMPLATE_HASH] !== hash);
    if (stale.length > 0) {
      for (const pod of stale) this.store.delete(RESOURCE.pods, namespace, pod.metadata.name ?? '');
      this.updateDeploymentStatus(deployment, hash);
      this.later(1, () => this.rollOut(namespace, name));
      return;
    }
    for (const pod of pods.slice(replicas))
      this.store.delete(RESOURCE.pods, namespace, pod.metadata.name ?? '');
    const templateMetadata = record(template.metadata);
    for (let count = pods.length; count < replicas; count += 1) {
      const annotations = templateMetadata.annotations as Record<string, string> | undefined;
      const pod = this.store.create(RESOURCE.pods, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${name}-${hash.slice(0, 5)}-${randomBytes(3).toString('hex')}`,
          namespace,
          labels: {
            ...((templateMetadata.labels ?? {}) as Record<string, string>),
            [TEMPLATE_HASH]: hash,
          },
          ...(annotations ? { annotations: { ...annotations } } : {}),
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name,
              uid: deployment.metadata.uid,
              controller: true,
            },
          ],
        },
        spec: template.spec,
        status: {
          phase: 'Pending',
          conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
          containerStatuses: [
            { name: 'devpi', ready: false, state: { waiting: { reason: 'ContainerCreating' } } },
          ],
        },
      });
      const podName = pod.metadata.name ?? '';
      this.later(1, () => {
        const started = this.patchStored(RESOURCE.pods, namespace, podName, (o) => {
          o.status = {
            phase: 'Running',
            conditions: [{ type: 'Ready', status: 'True' }],
            containerStatuses: [{ name: 'devpi', ready: true, state: { running: {} } }],
          };
        });
        if (started) this.updateDeploymentStatus(deployment, hash);
      });
    }
    this.updateDeploymentStatus(deployment, hash);
  }

  /**
   * A DeploymentConfig's pods follow its replica count, as its deployer does: scaling to zero
   * removes the pods labelled `deploymentconfig=<name>`, scaling up gives it a ready pod.
   */
  private scaleConfig(namespace: string | undefined, name: string): void {
    const config = this.store.get(RESOURCE.deploymentConfigs, namespace, name);
    if (!config) return;
    const replicas = (record(config.spec).replicas as number | undefined) ?? 1;
    const pods = this.store
      .list(RESOURCE.pods, namespace)
      .filter((p) => p.metadata.labels?.deploymentconfig === name);
    if (replicas === 0) {
      for (const pod of pods) this.store.delete(RESOURCE.pods, namespace, pod.metadata.name ?? '');
    } else if (pods.length === 0) {
      const template = record(record(config.spec).template);
      const version = (record(config.status).latestVersion as number | undefined) ?? 1;
      this.store.create(RESOURCE.pods, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${name}-${version}-${randomBytes(3).toString('hex')}`,
          namespace,
          labels: {
            ...((record(template.metadata).labels ?? {}) as Record<string, string>),
            deploymentconfig: name,
          },
          ownerReferences: [
            {
              apiVersion: 'apps.openshift.io/v1',
              kind: 'DeploymentConfig',
              name,
              uid: config.metadata.uid,
              controller: true,
            },
          ],
        },
        spec: template.spec,
        status: {
          phase: 'Running',
          containerStatuses: [{ name: 'devpi', ready: true, state: { running: {} } }],
        },
      });
    }
    config.status = {
      ...record(config.status),
      replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
    };
    this.store.update(RESOURCE.deploymentConfigs, config);
  }
}
