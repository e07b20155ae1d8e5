import { CONTRACT_SCHEMA } from './contract';
import type { PipCacheValues } from './values';

/** The values annotation: the form values that made or last edited the cache, secrets excluded. */
export const toValuesAnnotation = (values: PipCacheValues): string =>
  JSON.stringify({
    schema: CONTRACT_SCHEMA,
    ...values,
    devpi: { ...values.devpi, upstreamPassword: '' },
  });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the values annotation over a base of defaults: unknown or missing fields keep the base,
 * so an annotation of an older plugin still opens. Undefined for a missing, broken or newer one.
 */
export const fromValuesAnnotation = (
  text: string | undefined,
  base: PipCacheValues,
): PipCacheValues | undefined => {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.schema !== CONTRACT_SCHEMA) return undefined;
  const merge = <T>(defaults: T, incoming: unknown): T => {
    if (Array.isArray(defaults)) {
      return (
        Array.isArray(incoming)
          ? incoming
              .filter(
                (row): row is { key: string; value: string } =>
                  isRecord(row) && typeof row.key === 'string' && typeof row.value === 'string',
              )
              .map((row) => ({ key: row.key, value: row.value }))
          : defaults
      ) as T;
    }
    if (isRecord(defaults)) {
      const source = isRecord(incoming) ? incoming : {};
      return Object.fromEntries(
        Object.entries(defaults).map(([key, value]) => [key, merge(value, source[key])]),
      ) as T;
    }
    return (typeof incoming === typeof defaults ? incoming : defaults) as T;
  };
  const values = merge(base, parsed);
  return { ...values, devpi: { ...values.devpi, upstreamPassword: '' } };
};
