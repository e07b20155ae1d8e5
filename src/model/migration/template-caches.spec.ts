import { templateCacheAdvice, templateCacheOf, type DeploymentConfigLike } from './template-caches';
import { t } from '../../test-support/test-utils';

const dc = (
  labels: Record<string, string>,
  persistent = true,
  ready = 1,
): DeploymentConfigLike => ({
  metadata: { name: 'pipcache', namespace: 'team', labels },
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: 'devpi',
            resources: { limits: { memory: '256Mi', cpu: '1' } },
            env: [{ name: 'DEVPI_DATA_VOLUME', value: '/opt/app-root/data' }],
          },
        ],
        volumes: [
          persistent
            ? { name: 'data', persistentVolumeClaim: { claimName: 'pipcache-data' } }
            : { name: 'data' },
        ],
      },
    },
  },
  status: { readyReplicas: ready },
});

describe('caches made by the original templates', () => {
  it('reads what the persistent template made', () => {
    expect(templateCacheOf(dc({ app: 'pipcache', template: 'pipcache-persistent' }))).toEqual({
      name: 'pipcache',
      namespace: 'team',
      template: 'pipcache-persistent',
      claim: 'pipcache-data',
      memoryLimit: '256Mi',
      cpuLimit: '1',
      dataVolume: '/opt/app-root/data',
      ready: true,
      migrating: false,
    });
    const ephemeral = templateCacheOf(
      dc({ app: 'pipcache', template: 'pipcache-ephemeral' }, false, 0),
    );
    expect(ephemeral?.claim).toBeUndefined();
    expect(ephemeral && templateCacheAdvice(ephemeral, t)).toContain('not running');
  });

  it('knows a cache whose migration stopped half way by its record', () => {
    const config = dc({ app: 'pipcache', template: 'pipcache-persistent' });
    config.metadata = { ...config.metadata, annotations: { 'pipcache-plugin/migration': '{}' } };
    expect(templateCacheOf(config)?.migrating).toBe(true);
  });

  it.each([
    [{ app: 'pipcache' }],
    [{ app: 'other', template: 'pipcache-persistent' }],
    [{ app: 'pipcache', template: 'django-psql' }],
  ])('ignores other DeploymentConfigs: %j', (labels) => {
    expect(templateCacheOf(dc(labels))).toBeUndefined();
  });
});
