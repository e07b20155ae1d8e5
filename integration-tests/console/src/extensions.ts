import * as React from 'react';
import {
  useExtensions,
  useResolvedExtensions,
  type Extension,
  type LoadedExtension,
} from '@openshift/dynamic-plugin-sdk';

type Guard = (extension: Extension) => boolean;

/**
 * The console's `useResolvedExtensions(...typeGuards)`: extensions matching any guard, with
 * their code references resolved, plus whether resolution finished and its errors.
 */
export const useShellResolvedExtensions = (
  ...guards: Guard[]
): [LoadedExtension[], boolean, unknown[]] => {
  // The loader re-resolves whenever the predicate changes, so keep it stable across renders.
  const predicate = React.useCallback(
    (extension: Extension): extension is Extension => guards.some((guard) => guard(extension)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    guards,
  );
  const [extensions, resolved, errors] = useResolvedExtensions(predicate);
  return [extensions, resolved, errors];
};

/**
 * The console's `useExtensions(...typeGuards)`: extensions matching any guard with their code
 * references left as functions, for the console's lazy uses (a route's component loads when
 * the route matches).
 */
export const useShellExtensions = (...guards: Guard[]): LoadedExtension[] => {
  const predicate = React.useCallback(
    (extension: Extension): extension is Extension => guards.some((guard) => guard(extension)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    guards,
  );
  return useExtensions(predicate);
};

const guardCache = new Map<string, Guard>();

/** A type guard by extension type, as the console's `isX` helpers are; one function per type. */
export const ofType = (type: string): Guard => {
  let guard = guardCache.get(type);
  if (!guard) {
    guard = (extension) => extension.type === type;
    guardCache.set(type, guard);
  }
  return guard;
};

/** Translates a `%namespace~Text%` label the way the console does; other strings pass through. */
export const translateLabel = (
  label: unknown,
  t: (key: string, options: { ns: string }) => string,
): string => {
  if (typeof label !== 'string') return '';
  const match = /^%([^~]+)~(.+)%$/.exec(label);
  return match ? t(match[2] ?? '', { ns: match[1] ?? '' }) : label;
};
