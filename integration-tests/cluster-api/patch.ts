/** RFC 6902 JSON Patch and RFC 7386 merge patch, as the API server applies them. */

export class PatchError extends Error {
  constructor(
    message: string,
    readonly testFailed = false,
  ) {
    super(message);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const parsePointer = (pointer: string): string[] => {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchError(`invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
};

const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parentOf = (doc: Json, path: string[]): { parent: Json; key: string } => {
  let node: Json = doc;
  for (const part of path.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(part)] ?? null;
    else if (isObject(node) && part in node) node = node[part] ?? null;
    else throw new PatchError(`doc is missing path: ${path.join('/')}`);
    if (node === null) throw new PatchError(`doc is missing path: ${path.join('/')}`);
  }
  return { parent: node, key: path[path.length - 1] ?? '' };
};

const getAt = (doc: Json, path: string[]): Json | undefined => {
  let node: Json | undefined = doc;
  for (const part of path) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isObject(node)) node = node[part];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
};

const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const add = (doc: Json, path: string[], value: Json): Json => {
  if (path.length === 0) return value;
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length)
      throw new PatchError(`index out of bounds: ${key}`);
    parent.splice(index, 0, value);
  } else if (isObject(parent)) {
    parent[key] = value;
  } else {
    throw new PatchError(`cannot add to a scalar at ${path.join('/')}`);
  }
  return doc;
};

const remove = (doc: Json, path: string[]): Json => {
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= parent.length)
      throw new PatchError(`index out of bounds: ${key}`);
    parent.splice(index, 1);
  } else if (isObject(parent) && key in parent) {
    delete parent[key];
  } else {
    throw new PatchError(`unable to remove nonexistent key: ${key}: missing value`);
  }
  return doc;
};

export interface PatchOperation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

/** Applies a JSON Patch to a copy of `target`; a failed `test` throws a PatchError with testFailed. */
export const applyJsonPatch = <T>(target: T, operations: unknown): T => {
  if (!Array.isArray(operations)) throw new PatchError('json patch must be an array of operations');
  let doc = structuredClone(target) as Json;
  for (const raw of operations as PatchOperation[]) {
    const path = parsePointer(raw.path);
    const value = structuredClone(raw.value) as Json;
    switch (raw.op) {
      case 'add':
        doc = add(doc, path, value);
        break;
      case 'remove':
        doc = remove(doc, path);
        break;
      case 'replace':
        if (getAt(doc, path) === undefined)
          throw new PatchError(
            `replace operation does not apply: doc is missing key: ${raw.path}: missing value`,
          );
        doc = add(remove(doc, path), path, value);
        break;
      case 'move':
      case 'copy': {
        const from = parsePointer(raw.from ?? '');
        const moved = getAt(doc, from);
        if (moved === undefined)
          throw new PatchError(
            `${raw.op} operation does not apply: missing value at ${raw.from ?? ''}`,
          );
        if (raw.op === 'move') doc = remove(doc, from);
        doc = add(doc, path, structuredClone(moved));
        break;
      }
      case 'test':
        if (!deepEqual(getAt(doc, path), raw.value)) {
          throw new PatchError(
            `the server rejected our request due to an error in our request`,
            true,
          );
        }
        break;
      default:
        throw new PatchError(`Unexpected kind: ${raw.op}`);
    }
  }
  return doc as T;
};

/** Applies an RFC 7386 merge patch (null deletes a key; arrays are replaced whole). */
export const applyMergePatch = <T>(target: T, patch: unknown): T => {
  if (!isObject(patch)) return structuredClone(patch) as T;
  const result: Record<string, Json> = isObject(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch<Json>(result[key] ?? null, value);
  }
  return result as T;
};

/** The key that identifies list elements for a strategic merge, as the built-in types declare it. */
const mergeKeyOf = (field: string, items: Json[]): string | undefined => {
  if (!items.every(isObject)) return undefined;
  if (field === 'volumeMounts') return 'mountPath';
  if (field === 'volumeDevices') return 'devicePath';
  if (field === 'ports') return items.some((i) => 'containerPort' in i) ? 'containerPort' : 'port';
  if (['containers', 'initContainers', 'ephemeralContainers', 'volumes', 'env'].includes(field))
    return 'name';
  if (field === 'imagePullSecrets') return 'name';
  return undefined;
};

const mergeList = (current: Json[], patch: Json[], key: string): Json[] => {
  if (patch.some((item) => isObject(item) && item.$patch === 'replace')) {
    return patch.filter((item) => !(isObject(item) && item.$patch === 'replace'));
  }
  const result = structuredClone(current);
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = result.findIndex((existing) => isObject(existing) && existing[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = applyStrategicMergePatch<Json>(result[index] ?? null, item);
    } else {
      result.push(applyStrategicMergePatch<Json>(null, item));
    }
  }
  return result;
};

/**
 * Applies a strategic merge patch (what `kubectl apply` and `kubectl patch` send for built-in
 * kinds): like a merge patch, but lists such as containers, env, volumes and ports merge element
 * by element on their key, and the `$patch`, `$setElementOrder/…`, `$deleteFromPrimitiveList/…`
 * and `$retainKeys` directives are understood rather than stored.
 */
export const applyStrategicMergePatch = <T>(target: T, patch: unknown): T => {
  if (!isObject(patch)) return structuredClone(patch) as T;
  if (patch.$patch === 'replace') {
    const rest = { ...patch };
    delete rest.$patch;
    return applyStrategicMergePatch<T>(null as T, rest);
  }
  if (patch.$patch === 'delete') return {} as T;
  const result: Record<string, Json> = isObject(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const list = result[field];
      if (Array.isArray(list) && Array.isArray(value))
        result[field] = list.filter((entry) => !value.includes(entry));
      continue;
    }
    const current = result[key];
    const mergeKey = Array.isArray(value) ? mergeKeyOf(key, value) : undefined;
    if (value === null) delete result[key];
    else if (Array.isArray(value) && Array.isArray(current) && mergeKey)
      result[key] = mergeList(current, value, mergeKey);
    else if (Array.isArray(value) && mergeKey) result[key] = mergeList([], value, mergeKey);
    else result[key] = applyStrategicMergePatch<Json>(current ?? null, value);
  }
  return result as T;
};
