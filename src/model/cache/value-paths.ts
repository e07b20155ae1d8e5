import type { PipCacheValues } from './values';

/** The keys of T whose value is exactly `string` (not a union of literals such as a kind). */
type TextKeys<T> = {
  [K in keyof T]-?: [T[K]] extends [string] ? (string extends T[K] ? K & string : never) : never;
}[keyof T];

/** The groups of the values that hold fields, as `storage` holds `storage.size`. */
type Group = {
  [K in keyof PipCacheValues]-?: PipCacheValues[K] extends readonly unknown[]
    ? never
    : PipCacheValues[K] extends object
      ? K
      : never;
}[keyof PipCacheValues];

/** A free-text field of the form by its path, such as `name` or `resources.memoryLimit`. */
export type TextPath =
  TextKeys<PipCacheValues> | { [G in Group]: `${G}.${TextKeys<PipCacheValues[G]>}` }[Group];

const split = (path: TextPath): [string, string | undefined] => {
  const [group = '', key] = path.split('.');
  return [group, key];
};

// The two functions below index the values by a path checked by its type, which TypeScript
// cannot follow into a record lookup: the lookups see the values as plain records.

/** The text a field holds, read by its path. */
export const textAt = (values: PipCacheValues, path: TextPath): string => {
  const [group, key] = split(path);
  const top: Record<string, unknown> = { ...values };
  const at = key === undefined ? top[group] : (top[group] as Record<string, unknown>)[key];
  return typeof at === 'string' ? at : '';
};

/** The values with one text field set, by its path; every other field is kept as it is. */
export const withText = (values: PipCacheValues, path: TextPath, text: string): PipCacheValues => {
  const [group, key] = split(path);
  if (key === undefined) return { ...values, [group]: text };
  const top: Record<string, unknown> = { ...values };
  return { ...values, [group]: { ...(top[group] as object), [key]: text } };
};
