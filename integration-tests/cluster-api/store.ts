import { randomUUID } from 'crypto';
import type { ResourceType } from './resources';
import { apiVersionOf } from './resources';

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
  [key: string]: unknown;
}

/** A stored object: any JSON object with metadata. */
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  type_: ResourceType;
  object: K8sObject;
  rv: number;
}

type Listener = (event: StoreEvent) => void;

const keyOf = (type: ResourceType, namespace: string | undefined, name: string): string =>
  `${type.group}/${type.plural}/${namespace ?? ''}/${name}`;

/** How many past events a watch can resume from; older resourceVersions get 410 Expired. */
export const EVENT_WINDOW = 2000;

/**
 * The cluster's objects with one global resourceVersion counter, and the recent event log that
 * watches resume from. Deep copies go in and out, so callers never share state with the store.
 */
export class Store {
  private readonly objects = new Map<string, K8sObject>();
  private readonly events: StoreEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private revision = 1;

  get resourceVersion(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch may still start from. */
  get oldestWatchable(): number {
    return this.events[0]?.rv ?? this.revision;
  }

  get(type: ResourceType, namespace: string | undefined, name: string): K8sObject | undefined {
    const found = this.objects.get(keyOf(type, type.namespaced ? namespace : undefined, name));
    return found ? structuredClone(found) : undefined;
  }

  list(type: ResourceType, namespace?: string): K8sObject[] {
    const prefix = `${type.group}/${type.plural}/`;
    const result: K8sObject[] = [];
    for (const [key, object] of this.objects) {
      if (!key.startsWith(prefix)) continue;
      if (namespace !== undefined && type.namespaced && object.metadata.namespace !== namespace)
        continue;
      result.push(structuredClone(object));
    }
    return result.sort((a, b) =>
      `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`.localeCompare(
        `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`,
      ),
    );
  }

  /** Stores a new object, filling uid, resourceVersion, generation and creationTimestamp. */
  create(type: ResourceType, input: K8sObject): K8sObject {
    const object = structuredClone(input);
    this.revision += 1;
    object.apiVersion = apiVersionOf(type);
    object.kind = type.kind;
    object.metadata = {
      ...object.metadata,
      uid: randomUUID(),
      resourceVersion: String(this.revision),
      generation: 1,
      creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    };
    if (!type.namespaced) delete object.metadata.namespace;
    this.objects.set(keyOf(type, object.metadata.namespace, object.metadata.name ?? ''), object);
    this.emit({ type: 'ADDED', type_: type, object, rv: this.revision });
    return structuredClone(object);
  }

  /** Replaces an object, bumping resourceVersion, and generation when the spec changed. */
  update(type: ResourceType, input: K8sObject): K8sObject {
    const key = keyOf(
      type,
      type.namespaced ? input.metadata.namespace : undefined,
      input.metadata.name ?? '',
    );
    const previous = this.objects.get(key);
    if (!previous) throw new Error(`update of a missing object ${key}`);
    const object = structuredClone(input);
    this.revision += 1;
    const specChanged = JSON.stringify(previous.spec) !== JSON.stringify(object.spec);
    object.apiVersion = apiVersionOf(type);
    object.kind = type.kind;
    object.metadata = {
      ...object.metadata,
      uid: previous.metadata.uid,
      creationTimestamp: previous.metadata.creationTimestamp,
      resourceVersion: String(this.revision),
      generation: (previous.metadata.generation ?? 1) + (specChanged ? 1 : 0),
    };
    this.objects.set(key, object);
    this.emit({ type: 'MODIFIED', type_: type, object, rv: this.revision });
    return structuredClone(object);
  }

  delete(type: ResourceType, namespace: string | undefined, name: string): K8sObject | undefined {
    const key = keyOf(type, type.namespaced ? namespace : undefined, name);
    const object = this.objects.get(key);
    if (!object) return undefined;
    this.objects.delete(key);
    this.revision += 1;
    object.metadata.resourceVersion = String(this.revision);
    this.emit({ type: 'DELETED', type_: type, object, rv: this.revision });
    return structuredClone(object);
  }

  /** Events after `rv`, or undefined when `rv` is older than the event window (410 Expired). */
  eventsSince(rv: number): StoreEvent[] | undefined {
    if (rv < this.oldestWatchable - 1) return undefined;
    return this.events.filter((event) => event.rv > rv);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets old events, as etcd compaction does; for tests of 410 Expired. */
  compact(): void {
    this.events.splice(0, this.events.length);
  }

  clear(): void {
    this.objects.clear();
    this.events.splice(0, this.events.length);
    this.revision += 1;
  }

  private emit(event: StoreEvent): void {
    this.events.push({ ...event, object: structuredClone(event.object) });
    if (this.events.length > EVENT_WINDOW) this.events.shift();
    for (const listener of this.listeners) listener(event);
  }
}
