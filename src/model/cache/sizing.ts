import { type TFunction, parseQuantity } from '../shared';
import type { PipCacheValues } from './values';

/**
 * Sizing of the devpi pod, from measurements of devpi-server 6.19.1 serving a wave of builds
 * (README, Performance): devpi saturates at about one core; 50 concurrent downloads of a 50 MB
 * wheel took it to 0.85–1.35 GiB in different runs, 30 to about 0.6 GiB; its first start peaks
 * at about 170 MiB. The limit leaves room above the highest peak seen.
 */
export const RECOMMENDED_RESOURCES: PipCacheValues['resources'] = {
  memoryRequest: '512Mi',
  memoryLimit: '1536Mi',
  cpuRequest: '500m',
  cpuLimit: '2',
};

/** Seconds devpi waits for PyPI; devpi's own default of 5 is too short for big projects' pages. */
export const RECOMMENDED_REQUEST_TIMEOUT = '30';

/** devpi-server's `--request-timeout` when none is given. */
const DEVPI_DEFAULT_REQUEST_TIMEOUT = '5';

/**
 * glibc gives allocating threads their own malloc arenas and keeps freed memory in them. Capping
 * them at two brought devpi's peak from about 1.2 GiB to 375 MiB in one measurement and made no
 * difference in others (README, Performance); it costs nothing, so the pod sets it.
 */
export const MALLOC_ARENA_ENV = { name: 'MALLOC_ARENA_MAX', value: '2' } as const;

/** One way a cache's settings fall short of the recommended sizing. */
export interface SizingShortfall {
  field: 'resources.memoryLimit' | 'resources.cpuRequest' | 'devpi.requestTimeout';
  message: string;
}

const below = (value: string, floor: string): boolean => {
  const given = parseQuantity(value);
  const least = parseQuantity(floor);
  return given !== undefined && least !== undefined && given < least;
};

/** Where the values are below what a wave of builds needs, each with why it matters. */
export const sizingShortfalls = (values: PipCacheValues, t: TFunction): SizingShortfall[] => {
  const shortfalls: SizingShortfall[] = [];
  if (below(values.resources.memoryLimit, RECOMMENDED_RESOURCES.memoryLimit)) {
    shortfalls.push({
      field: 'resources.memoryLimit',
      message: t(
        'The memory limit {{limit}} is below {{recommended}}: devpi serving big wheels to many builds at once can reach 1.35 GiB, and the pod is then OOM-killed exactly under load.',
        { limit: values.resources.memoryLimit, recommended: RECOMMENDED_RESOURCES.memoryLimit },
      ),
    });
  }
  if (
    !values.resources.cpuRequest ||
    below(values.resources.cpuRequest, RECOMMENDED_RESOURCES.cpuRequest)
  ) {
    shortfalls.push({
      field: 'resources.cpuRequest',
      message: t(
        'The CPU request {{request}} is below {{recommended}}: devpi uses up to one core during a wave of builds, and on a busy node it gets little more than its request.',
        {
          request: values.resources.cpuRequest || t('(none)'),
          recommended: RECOMMENDED_RESOURCES.cpuRequest,
        },
      ),
    });
  }
  const timeout = Number(values.devpi.requestTimeout || DEVPI_DEFAULT_REQUEST_TIMEOUT);
  if (timeout < Number(RECOMMENDED_REQUEST_TIMEOUT)) {
    shortfalls.push({
      field: 'devpi.requestTimeout',
      message: t(
        "The upstream timeout of {{seconds}} seconds is short: big projects' pages on PyPI take longer, and builds that ask for a project while devpi is still fetching it wait at most this long, then fail.",
        { seconds: String(timeout) },
      ),
    });
  }
  return shortfalls;
};

const atLeast = (value: string, floor: string): string =>
  value && !below(value, floor) ? value : floor;

/**
 * The values raised to the recommended sizing: every resource and the upstream timeout become
 * at least the recommendation; larger settings, and the absence of a CPU limit, are kept.
 */
export const withRecommendedSizing = (values: PipCacheValues): PipCacheValues => ({
  ...values,
  resources: {
    memoryRequest: atLeast(values.resources.memoryRequest, RECOMMENDED_RESOURCES.memoryRequest),
    memoryLimit: atLeast(values.resources.memoryLimit, RECOMMENDED_RESOURCES.memoryLimit),
    cpuRequest: atLeast(values.resources.cpuRequest, RECOMMENDED_RESOURCES.cpuRequest),
    cpuLimit: values.resources.cpuLimit
      ? atLeast(values.resources.cpuLimit, RECOMMENDED_RESOURCES.cpuLimit)
      : '',
  },
  devpi: {
    ...values.devpi,
    requestTimeout:
      Number(values.devpi.requestTimeout || DEVPI_DEFAULT_REQUEST_TIMEOUT) <
      Number(RECOMMENDED_REQUEST_TIMEOUT)
        ? RECOMMENDED_REQUEST_TIMEOUT
        : values.devpi.requestTimeout,
  },
});
