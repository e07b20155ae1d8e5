import { anchorDeployment } from '../../test-support/fixtures';
import { cachesHealthHandler, cachesHealthResources } from './caches-health';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);

/** What the console's watch hands the handler: the anchor Deployments given. */
const watched = (...ready: number[]): Parameters<typeof cachesHealthHandler>[0] => ({
  deployments: {
    data: ready.map((count, i) => anchorDeployment(`c${i}`, 'demo', { ready: count })),
    loaded: true,
    loadError: undefined,
  },
});

describe('the Status card health item', () => {
  it('watches the anchor Deployments of every project with the contract selector', () => {
    expect(cachesHealthResources).toEqual({
      deployments: {
        groupVersionKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
        isList: true,
        namespaced: true,
        selector: {
          matchLabels: {
            'app.kubernetes.io/name': 'pipcache',
            'app.kubernetes.io/managed-by': 'pipcache-plugin',
          },
        },
      },
    });
    expect(cachesHealthResources.deployments).not.toHaveProperty('namespace');
  });

  it("translates in the plugin's namespace with the console's t, which defaults to its own", () => {
    const calls: { key: string; ns: unknown }[] = [];
    const consoleT = ((key: string, options?: Record<string, unknown>) => {
      calls.push({ key, ns: options?.ns });
      return `[${String(options?.ns)}] ${key}`;
    }) as never;
    const health = cachesHealthHandler(watched(1), consoleT);
    expect(health.state).toBe('OK');
    expect(health.message).toBe('[plugin__pipcache-plugin] {{ready}} of {{total}} ready');
    expect(calls.every((call) => call.ns === 'plugin__pipcache-plugin')).toBe(true);
  });

  it('falls back to the shared i18next instance when the console passes no t', () => {
    const health = cachesHealthHandler(watched(0));
    expect(health).toEqual({ state: 'WARNING', message: '1 of 1 not ready, 0 ready' });
  });
});
