import { applyJsonPatch } from '../../integration-tests/cluster-api/patch';
import type { K8sObject } from '../../integration-tests/cluster-api/store';
import {
  k8sCreate,
  k8sDelete,
  k8sGet,
  k8sListItems,
  k8sPatch,
  k8sUpdate,
} from '../sdk/console-sdk';

// For specs that mock '../sdk/console-sdk' with jest.fn()s: `install()` answers them from one
// namespace held in memory. Its controllers are a migration's (and only as far as it waits on
// them); the shared console-SDK test double may take this place once it exists.

/** The namespace and the cache name the fake answers for. */
const NS = 'demo';
const NAME = 'oldcache';

/** What the console's fetch rejects with: an error carrying the API's Status. */
const apiError = (code: number, message: string) =>
  Object.assign(new Error(message), { json: { code, message } });

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

interface ModelArg {
  model: { kind: string };
}

/**
 * A namespace of the API server as far as migrating reaches it, with the controllers it relies
 * on: a Deployment becomes ready, a build pushes the image (or fails, when told to), a scaled
 * down DeploymentConfig's pods go. `failNext` makes the next write (or any next request) fail.
 */
export class FakeNamespace {
  objects = new Map<string, K8sObject>();
  private revision = 100;
  buildsFail = false;
  failNext?: 'write' | 'request';
  writes: string[] = [];

  constructor(objects: readonly K8sObject[]) {
    for (const object of objects) this.put(object);
  }

  one(kind: string, name = NAME): K8sObject | undefined {
    const found = this.objects.get(`${kind}/${name}`);
    return found ? copy(found) : undefined;
  }

  of(kind: string): K8sObject[] {
    return [...this.objects.values()].filter((o) => o.kind === kind).map(copy);
  }

  private put(object: K8sObject, uid?: string): K8sObject {
    this.revision += 1;
    const stored = copy(object);
    stored.metadata = {
      ...stored.metadata,
      namespace: NS,
      uid: uid ?? stored.metadata.uid ?? `${stored.kind ?? ''}-${this.revision}`,
      resourceVersion: String(this.revision),
    };
    this.objects.set(`${stored.kind ?? ''}/${stored.metadata.name ?? ''}`, stored);
    return copy(stored);
  }

  private drop(kind: string, name: string) {
    this.objects.delete(`${kind}/${name}`);
    if (kind === 'DeploymentConfig') this.dropPods(name);
  }

  private dropPods(dc: string) {
    for (const pod of this.of('Pod'))
      if (pod.metadata.labels?.deploymentconfig === dc) this.drop('Pod', pod.metadata.name ?? '');
  }

  private check(write: boolean, what: string) {
    if (write) this.writes.push(what);
    if (this.failNext === 'request' || (this.failNext === 'write' && write)) {
      this.failNext = undefined;
      throw apiError(500, 'etcdserver: leader changed');
    }
  }

  /** A build of the cache's BuildConfig: it pushes the image, or fails. */
  private build() {
    const number = this.of('Build').length + 1;
    this.put({
      apiVersion: 'build.openshift.io/v1',
      kind: 'Build',
      metadata: {
        name: `${NAME}-${number}`,
        labels: { 'openshift.io/build-config.name': NAME },
        annotations: { 'openshift.io/build.number': String(number) },
      },
      status: this.buildsFail
        ? { phase: 'Failed', message: 'Generic build failed' }
        : { phase: 'Complete' },
    });
    const stream = this.one('ImageStream');
    if (!this.buildsFail && stream)
      this.put({
        ...stream,
        status: { tags: [{ tag: 'latest', items: [{ image: 'sha256:new' }] }] },
      });
  }

  install() {
    jest.mocked(k8sListItems).mockImplementation(({ model, queryParams }) => {
      this.check(false, `list ${model.kind}`);
      const byName = /^metadata\.name=(.*)$/.exec(String(queryParams.fieldSelector ?? ''))?.[1];
      const selector = queryParams.labelSelector as
        { matchLabels?: Record<string, string> } | undefined;
      const labels = selector?.matchLabels;
      return Promise.resolve(
        this.of(model.kind).filter(
          (o) =>
            (byName === undefined || o.metadata.name === byName) &&
            Object.entries(labels ?? {}).every(([k, v]) => o.metadata.labels?.[k] === v),
        ) as never,
      );
    });
    jest.mocked(k8sGet).mockImplementation(({ model, name }) => {
      this.check(false, `get ${model.kind}`);
      const found = this.one(model.kind, name);
      return found ? Promise.resolve(found as never) : Promise.reject(apiError(404, 'not found'));
    });
    jest.mocked(k8sCreate).mockImplementation(({ model, data, path }) => {
      const kind = (model as ModelArg['model']).kind;
      this.check(true, `create ${kind}${path ? `/${path}` : ''}`);
      if (path?.endsWith('/instantiate')) {
        this.build();
        return Promise.resolve(data as never);
      }
      const name = data.metadata?.name ?? '';
      if (this.one(kind, name)) return Promise.reject(apiError(409, 'already exists'));
      const created = this.put({ ...(data as K8sObject), kind });
      if (kind === 'Deployment')
        this.put({
          ...created,
          metadata: { ...created.metadata, generation: 1 },
          status: { readyReplicas: 1, updatedReplicas: 1, observedGeneration: 1 },
        });
      if (kind === 'BuildConfig') this.build();
      return Promise.resolve(created as never);
    });
    jest.mocked(k8sPatch).mockImplementation(({ model, resource, data }) => {
      this.check(true, `patch ${model.kind}`);
      const current = this.one(model.kind, resource.metadata?.name);
      if (!current) return Promise.reject(apiError(404, 'not found'));
      let patched: K8sObject;
      try {
        patched = applyJsonPatch(current, data);
      } catch {
        return Promise.reject(apiError(422, 'the test operation failed'));
      }
      const stored = this.put(patched, current.metadata.uid);
      if (
        model.kind === 'DeploymentConfig' &&
        (stored.spec as { replicas?: number }).replicas === 0
      )
        this.dropPods(NAME);
      return Promise.resolve(stored as never);
    });
    jest.mocked(k8sUpdate).mockImplementation(({ model, data }) => {
      this.check(true, `update ${model.kind}`);
      const current = this.one(model.kind, data.metadata?.name);
      if (!current) return Promise.reject(apiError(404, 'not found'));
      if (data.metadata?.resourceVersion !== current.metadata.resourceVersion)
        return Promise.reject(apiError(409, 'the object has been modified'));
      return Promise.resolve(this.put(data as K8sObject, current.metadata.uid) as never);
    });
    jest.mocked(k8sDelete).mockImplementation(({ model, resource, json }) => {
      this.check(true, `delete ${model.kind}`);
      const name = resource.metadata?.name ?? '';
      const current = this.one(model.kind, name);
      if (!current) return Promise.reject(apiError(404, 'not found'));
      const uid = (json as { preconditions?: { uid?: string } } | undefined)?.preconditions?.uid;
      if (uid && uid !== current.metadata.uid)
        return Promise.reject(apiError(409, 'Precondition failed: UID in precondition'));
      this.drop(model.kind, name);
      return Promise.resolve({} as never);
    });
  }
}
