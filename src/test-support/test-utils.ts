import type { TFunction } from '../model/shared';
import type { RandomSource } from '../model/cache';

/** English "translation" for tests: interpolates `{{name}}` like i18next does. */
export const t: TFunction = (key, options) =>
  key.replace(/{{(\w+)}}/g, (_match, name: string) => {
    const value = options?.[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });

/** A deterministic random source (a linear congruential generator) for reproducible tests. */
export const seededRandom = (seed = 42): RandomSource => {
  let state = seed >>> 0;
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i += 1) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      bytes[i] = state >>> 24;
    }
    return bytes;
  };
};
