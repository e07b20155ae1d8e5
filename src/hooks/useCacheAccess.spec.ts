import { sdkDouble, useAccessReview } from '../test-support/console-sdk-double';
import { renderHook } from '../test-support/render-hook';
import { useCacheAccess } from './useCacheAccess';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

describe('useCacheAccess', () => {
  it('asks to delete the Deployment of this cache and to patch the BuildConfigs of its project', () => {
    renderHook(() => useCacheAccess('demo', 'alpha'), undefined);
    expect(useAccessReview).toHaveBeenCalledWith({
      group: 'apps',
      resource: 'deployments',
      verb: 'delete',
      namespace: 'demo',
      name: 'alpha',
    });
    expect(useAccessReview).toHaveBeenCalledWith({
      group: 'build.openshift.io',
      resource: 'buildconfigs',
      verb: 'patch',
      namespace: 'demo',
    });
  });

  it('answers each right from its own review', () => {
    sdkDouble.setAccess(({ verb }) => [verb === 'patch', false]);
    expect(renderHook(() => useCacheAccess('demo', 'alpha'), undefined).current).toEqual({
      checking: false,
      canDelete: false,
      canUseInBuilds: true,
    });
    sdkDouble.setAccess(({ verb }) => [verb === 'delete', false]);
    expect(renderHook(() => useCacheAccess('demo', 'alpha'), undefined).current).toEqual({
      checking: false,
      canDelete: true,
      canUseInBuilds: false,
    });
  });

  it('is checking while any review is', () => {
    sdkDouble.setAccess(({ verb }) => [false, verb === 'patch']);
    expect(renderHook(() => useCacheAccess('demo', 'alpha'), undefined).current.checking).toBe(
      true,
    );
  });
});
