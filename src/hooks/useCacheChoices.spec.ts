import { sdkDouble } from '../test-support/console-sdk-double';
import { anchorDeployment } from '../test-support/fixtures';
import { renderHook } from '../test-support/render-hook';
import { useCacheChoices } from './useCacheChoices';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

const names = (choices: ReturnType<typeof useCacheChoices>) =>
  choices.caches.map((cache) => `${cache.namespace}/${cache.name}`);

describe('useCacheChoices', () => {
  beforeEach(() =>
    sdkDouble.answerWatch('Deployment', (resource) => ({
      data: [
        anchorDeployment('zeta', 'team-b'),
        anchorDeployment('beta', 'web'),
        anchorDeployment('alpha', 'team-a'),
        anchorDeployment('alpha', 'web'),
      ].filter((d) => !resource.namespace || d.metadata?.namespace === resource.namespace),
      loaded: true,
      loadError: undefined,
    })),
  );

  it("offers every project's caches, this project's first, when the user may list cluster-wide", () => {
    const choices = renderHook(() => useCacheChoices('web'), undefined).current;
    expect(choices.clusterWide).toBe(true);
    expect(names(choices)).toEqual(['web/alpha', 'web/beta', 'team-a/alpha', 'team-b/zeta']);
    expect(sdkDouble.watchedResources('Deployment').at(-1)?.namespace).toBeUndefined();
  });

  it("offers only this project's caches otherwise, watching only this project", () => {
    sdkDouble.setAccess(false);
    const choices = renderHook(() => useCacheChoices('web'), undefined).current;
    expect(choices.clusterWide).toBe(false);
    expect(names(choices)).toEqual(['web/alpha', 'web/beta']);
    expect(sdkDouble.watchedResources('Deployment').every((r) => r.namespace === 'web')).toBe(true);
  });

  it('is not loaded while the access review is pending', () => {
    sdkDouble.setAccess(true, true);
    const choices = renderHook(() => useCacheChoices('web'), undefined).current;
    expect(choices.loaded).toBe(false);
    expect(choices.clusterWide).toBe(false);
  });
});
