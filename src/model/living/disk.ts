import type { PatchOperation } from '../builds';
import { type TFunction, type PersistentVolumeClaim, isQuantity, parseQuantity } from '../shared';

/** The kubelet's volume metrics, as the console's Prometheus tenancy API serves them. */
export const USED_METRIC = 'kubelet_volume_stats_used_bytes';
export const CAPACITY_METRIC = 'kubelet_volume_stats_capacity_bytes';

/** Share of the volume in use from which the UI warns: devpi never evicts, so a full volume stops every build. */
export const WARN_RATIO = 0.8;
/** Share from which the warning turns into an error. */
export const CRITICAL_RATIO = 0.95;

/** One query for a metric over every claim of a project (the tenancy API adds the namespace itself). */
export const volumeQuery = (metric: string, namespace: string): string =>
  `${metric}{namespace="${namespace.replace(/["\\]/g, '')}"}`;

/** A Prometheus instant-query answer, as far as the UI reads it. */
export interface PrometheusVector {
  status?: string;
  data?: {
    resultType?: string;
    result?: { metric?: Record<string, string>; value?: [number, string] }[];
  };
}

/** Bytes per claim name from a vector answer; non-numeric samples are left out. */
export const bytesByClaim = (answer: PrometheusVector | undefined): Map<string, number> => {
  const byClaim = new Map<string, number>();
  for (const sample of answer?.data?.result ?? []) {
    const claim = sample.metric?.persistentvolumeclaim;
    const value = Number(sample.value?.[1]);
    if (claim && Number.isFinite(value)) byClaim.set(claim, value);
  }
  return byClaim;
};

/** What the volume of one cache holds. */
export interface DiskUse {
  used: number;
  capacity: number;
  ratio: number;
  level: 'ok' | 'warning' | 'critical';
}

/** Combines the used and capacity answers for one claim; undefined when either is missing. */
export const diskUseOf = (
  claim: string,
  used: Map<string, number>,
  capacity: Map<string, number>,
): DiskUse | undefined => {
  const usedBytes = used.get(claim);
  const capacityBytes = capacity.get(claim);
  if (usedBytes === undefined || !capacityBytes) return undefined;
  const ratio = usedBytes / capacityBytes;
  const level = ratio >= CRITICAL_RATIO ? 'critical' : ratio >= WARN_RATIO ? 'warning' : 'ok';
  return { used: usedBytes, capacity: capacityBytes, ratio, level };
};

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Bytes in binary units with one decimal, as the console shows sizes. */
export const formatBytes = (bytes: number): string => {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${UNITS[unit] ?? 'B'}`;
};

/** The sentence for a cache's disk use, with what to do when it is filling up. */
export const diskSentence = (use: DiskUse, t: TFunction): string => {
  const figures = {
    used: formatBytes(use.used),
    capacity: formatBytes(use.capacity),
    percent: Math.round(use.ratio * 100),
  };
  switch (use.level) {
    case 'critical':
      return t(
        '{{used}} of {{capacity}} used ({{percent}}%). The volume is nearly full: when it is, every build using this cache fails. Expand the volume or empty the cache now.',
        figures,
      );
    case 'warning':
      return t(
        '{{used}} of {{capacity}} used ({{percent}}%). devpi never removes packages: expand the volume or empty the cache before it fills up.',
        figures,
      );
    default:
      return t('{{used}} of {{capacity}} used ({{percent}}%).', figures);
  }
};

/** The size a claim asks for now. */
export const requestedSize = (pvc: PersistentVolumeClaim): string | undefined =>
  pvc.spec?.resources?.requests?.storage as string | undefined;

/** Why a new size for a claim is refused, or undefined when it is a valid larger size. */
export const validateNewSize = (
  text: string,
  current: string | undefined,
  t: TFunction,
): string | undefined => {
  const value = text.trim();
  if (!value) return t('Enter a size, such as 5Gi.');
  if (!isQuantity(value) || (parseQuantity(value) ?? 0) <= 0)
    return t('Enter a size such as 5Gi or 500Mi (a number and a unit, no space).');
  const before = current ? parseQuantity(current) : undefined;
  if (before !== undefined && (parseQuantity(value) ?? 0) <= before)
    return t('A volume can only grow: enter more than {{current}}.', { current: current ?? '' });
  return undefined;
};

/** JSON Patch that asks for a larger volume, guarded by the size it read. */
export const expandPatch = (pvc: PersistentVolumeClaim, size: string): PatchOperation[] => {
  const current = requestedSize(pvc);
  return [
    { op: 'test', path: '/spec/resources/requests/storage', value: current },
    { op: 'replace', path: '/spec/resources/requests/storage', value: size.trim() },
  ];
};
