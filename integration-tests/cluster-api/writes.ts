import { randomBytes } from 'crypto';
import type { Controllers } from './controllers';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, PatchError } from './patch';
import { getObject } from './reads';
import { apiVersionOf, findResourceByKind, RESOURCES, type ResourceType } from './resources';
import { keepAllocatedValues } from './service-update';
import { alreadyExists, badRequest, conflict, invalid, notFound, statusError } from './status';
import type { K8sObject, Store } from './store';
import type { Target } from './target';
import { validateObject } from './validation';
import { checkClaimResize } from './volume-resize';

/** DeleteOptions preconditions: the object must still be this one, at this version. */
export interface Preconditions {
  uid?: string;
  resourceVersion?: string;
}

/** Kinds whose controllers act again when an update changes the spec. */
const RECONCILED_ON_CHANGE = new Set([
  'Deployment',
  'DeploymentConfig',
  'Route',
  'PersistentVolumeClaim',
]);

/**
 * The API's writes (create, update, patch, delete, a BuildConfig's instantiate) with the API
 * server's checks: namespace and name rules, validation, optimistic concurrency, claim resize
 * rules, dry runs that store nothing, and background cascading deletion.
 */
export class Writes {
  constructor(
    private readonly store: Store,
    private readonly controllers: Controllers,
    private readonly domain: string,
  ) {}

  create(target: Target, body: K8sObject, dryRun: boolean): K8sObject {
    const object = this.prepare(target, body);
    if (object.kind && object.kind !== target.type.kind)
      throw badRequest(`the kind ${object.kind} does not match the resource ${target.type.plural}`);
    this.validate(target.type, object.metadata.name ?? '', object);
    if (this.store.get(target.type, object.metadata.namespace, object.metadata.name ?? '')) {
      throw alreadyExists(target.type, object.metadata.name ?? '');
    }
    if (target.type.kind === 'Route') this.controllers.allocateRouteHost(object);
    if (dryRun) {
      return {
        ...object,
        apiVersion: apiVersionOf(target.type),
        kind: target.type.kind,
        metadata: {
          ...object.metadata,
          uid: 'dry-run',
          creationTimestamp: new Date().toISOString(),
        },
      };
    }
    const created = this.store.create(target.type, object);
    this.controllers.onCreated(target.type.kind, created);
    return created;
  }

  update(target: Target, body: K8sObject, dryRun: boolean): K8sObject {
    const current = getObject(this.store, target);
    const object = this.prepare(target, body);
    if (object.metadata.name !== target.name)
      throw badRequest('the name of the object does not match the name on the URL');
    if (
      object.metadata.resourceVersion &&
      object.metadata.resourceVersion !== current.metadata.resourceVersion
    ) {
      throw conflict(target.type, target.name ?? '');
    }
    checkClaimResize(target.type, current, object, (name) => this.storageClass(name));
    keepAllocatedValues(target.type, current, object);
    return this.replace(target, current, object, dryRun);
  }

  patch(target: Target, contentType: string, body: unknown, dryRun: boolean): K8sObject {
    const current = getObject(this.store, target);
    let patched: K8sObject;
    try {
      patched = contentType.startsWith('application/json-patch+json')
        ? applyJsonPatch(current, body)
        : contentType.startsWith('application/strategic-merge-patch+json')
          ? applyStrategicMergePatch(current, body)
          : applyMergePatch(current, body);
    } catch (error) {
      if (!(error instanceof PatchError)) throw error;
      // A failed JSON patch `test` gets the API server's generic 422; other patch errors say why.
      throw error.testFailed
        ? statusError(422, 'the server rejected our request due to an error in our request', {
            details: {},
          })
        : statusError(422, error.message);
    }
    if (patched.metadata.resourceVersion !== current.metadata.resourceVersion) {
      // A patch that names a resourceVersion is a precondition, as on the real server.
      throw conflict(target.type, target.name ?? '');
    }
    checkClaimResize(target.type, current, patched, (name) => this.storageClass(name));
    return this.replace(target, current, patched, dryRun);
  }

  remove(target: Target, dryRun: boolean, preconditions: Preconditions = {}): K8sObject {
    const object = getObject(this.store, target);
    // DeleteOptions preconditions, as the real server checks them: another object of the same
    // name, or a newer version of it, is a conflict, not a delete.
    if (
      (preconditions.uid !== undefined && preconditions.uid !== object.metadata.uid) ||
      (preconditions.resourceVersion !== undefined &&
        preconditions.resourceVersion !== object.metadata.resourceVersion)
    )
      throw conflict(target.type, target.name ?? '');
    if (dryRun) return object;
    const deleted = this.store.delete(target.type, target.namespace, target.name ?? '') ?? object;
    this.collectGarbage(deleted.metadata.uid, target.namespace);
    return deleted;
  }

  /** `buildconfigs/NAME/instantiate`: starts a build of an existing BuildConfig. */
  instantiate(target: Target): K8sObject {
    getObject(this.store, { ...target, subresource: undefined });
    const build = this.controllers.startBuild(target.namespace, target.name ?? '');
    if (!build) throw notFound(target.type, target.name ?? '');
    return build;
  }

  private validate(type: ResourceType, name: string, object: K8sObject): void {
    const problems = validateObject(type, object, this.domain);
    if (problems.length > 0) throw invalid(type, name, problems);
  }

  /** The end of an update or patch: validate, then store unless it is a dry run. */
  private replace(target: Target, current: K8sObject, next: K8sObject, dryRun: boolean): K8sObject {
    this.validate(target.type, target.name ?? '', next);
    if (dryRun) return next;
    const stored = this.store.update(target.type, next);
    // A changed Deployment rolls out; a Route with a new host goes back to the router; a
    // claim asking for more space is resized by its (simulated) CSI driver.
    if (
      RECONCILED_ON_CHANGE.has(target.type.kind) &&
      JSON.stringify(current.spec) !== JSON.stringify(stored.spec)
    )
      this.controllers.onCreated(target.type.kind, stored);
    return stored;
  }

  /** The object of a create or update as the API server sees it before validation. */
  private prepare(target: Target, body: K8sObject): K8sObject {
    if (typeof body !== 'object' || typeof body.metadata !== 'object')
      throw badRequest("Object 'metadata' is missing");
    const object: K8sObject = { ...body, metadata: { ...body.metadata } };
    if (target.type.namespaced) {
      if (object.metadata.namespace && object.metadata.namespace !== target.namespace) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      object.metadata.namespace = target.namespace;
    }
    // As the API server does, a Secret's stringData is merged into data (base64) and dropped.
    if (
      target.type.kind === 'Secret' &&
      typeof object.stringData === 'object' &&
      object.stringData !== null
    ) {
      const data = { ...((object.data ?? {}) as Record<string, string>) };
      for (const [key, value] of Object.entries(object.stringData as Record<string, string>)) {
        data[key] = Buffer.from(value).toString('base64');
      }
      object.data = data;
      delete object.stringData;
    }
    if (!object.metadata.name && object.metadata.generateName) {
      object.metadata.name = `${object.metadata.generateName}${randomBytes(3).toString('hex').slice(0, 5)}`;
    }
    return object;
  }

  /** Background cascading deletion: objects owned by a deleted object go too, as the garbage collector does. */
  private collectGarbage(uid: string | undefined, namespace: string | undefined): void {
    if (!uid) return;
    for (const type of RESOURCES.filter((t) => t.namespaced)) {
      for (const object of this.store.list(type, namespace)) {
        const owners = (object.metadata.ownerReferences ?? []) as { uid?: string }[];
        if (owners.some((owner) => owner.uid === uid)) {
          const gone = this.store.delete(type, namespace, object.metadata.name ?? '');
          this.collectGarbage(gone?.metadata.uid, namespace);
        }
      }
    }
  }

  /** A StorageClass by name, or the default one for a claim that names none. */
  private storageClass(name: string | undefined): K8sObject | undefined {
    const type = findResourceByKind('storage.k8s.io/v1', 'StorageClass');
    if (!type) return undefined;
    if (name) return this.store.get(type, undefined, name);
    return this.store
      .list(type)
      .find(
        (sc) => sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
      );
  }
}
