import { ANNOTATION_MIGRATION, type TFunction } from '../shared';

/** A DeploymentConfig as far as finding template-made caches needs it. */
export interface DeploymentConfigLike {
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: {
    replicas?: number;
    template?: {
      spec?: {
        containers?: {
          name?: string;
          resources?: { limits?: Record<string, string> };
          env?: { name: string; value?: string }[];
        }[];
        volumes?: { name?: string; persistentVolumeClaim?: { claimName?: string } }[];
      };
    };
  };
  status?: { readyReplicas?: number; availableReplicas?: number };
}

/** Label selector of the original templates' objects (resource contract). */
export const TEMPLATE_SELECTOR = { app: 'pipcache' } as const;

/** A cache made by the original `pipcache-ephemeral` / `pipcache-persistent` templates. */
export interface TemplateCache {
  name: string;
  namespace: string;
  template: 'pipcache-ephemeral' | 'pipcache-persistent';
  /** The claim holding its packages (persistent only). */
  claim?: string;
  memoryLimit?: string;
  cpuLimit?: string;
  dataVolume?: string;
  ready: boolean;
  /** A migration to a PipCache was started and has not finished. */
  migrating: boolean;
}

/** The template-made cache a DeploymentConfig is, or undefined for any other DeploymentConfig. */
export const templateCacheOf = (dc: DeploymentConfigLike): TemplateCache | undefined => {
  const labels = dc.metadata?.labels ?? {};
  const template = labels.template;
  if (labels.app !== 'pipcache') return undefined;
  if (template !== 'pipcache-ephemeral' && template !== 'pipcache-persistent') return undefined;
  const podSpec = dc.spec?.template?.spec;
  const container =
    podSpec?.containers?.find((c) => c.name === 'devpi') ?? podSpec?.containers?.[0];
  const claim = podSpec?.volumes?.find((v) => v.persistentVolumeClaim)?.persistentVolumeClaim
    ?.claimName;
  return {
    name: dc.metadata?.name ?? '',
    namespace: dc.metadata?.namespace ?? '',
    template,
    ...(claim ? { claim } : {}),
    memoryLimit: container?.resources?.limits?.memory,
    cpuLimit: container?.resources?.limits?.cpu,
    dataVolume: container?.env?.find((e) => e.name === 'DEVPI_DATA_VOLUME')?.value,
    ready: (dc.status?.readyReplicas ?? 0) > 0,
    migrating: Boolean(dc.metadata?.annotations?.[ANNOTATION_MIGRATION]),
  };
};

/**
 * Why a template-made cache should be replaced, in one sentence: the start script of the
 * templates calls `devpi-server --init`, which devpi-server 6 removed, so a rebuilt image no
 * longer starts; the 256Mi limit is below what devpi needs at start.
 */
export const templateCacheAdvice = (cache: TemplateCache, t: TFunction): string =>
  cache.ready
    ? t(
        'Made by the original {{template}} template. It still runs, but a rebuild fails: its start script calls devpi-server --init, which devpi-server 6 removed. Create a PipCache to replace it.',
        { template: cache.template },
      )
    : t(
        'Made by the original {{template}} template, and not running: its start script calls devpi-server --init, which devpi-server 6 removed. Create a PipCache to replace it.',
        { template: cache.template },
      );
