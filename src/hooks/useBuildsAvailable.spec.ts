import { sdkDouble, useFlag } from '../test-support/console-sdk-double';
import { renderHook } from '../test-support/render-hook';
import { useBuildsAvailable } from './useBuildsAvailable';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

describe('useBuildsAvailable', () => {
  it('reads the console flag OPENSHIFT_BUILDCONFIG', () => {
    sdkDouble.setFlag('OPENSHIFT_BUILDCONFIG', true);
    expect(renderHook(() => useBuildsAvailable(), undefined).current).toBe(true);
    expect(useFlag).toHaveBeenCalledWith('OPENSHIFT_BUILDCONFIG');
  });

  it('is false only when the console says the Build API is missing', () => {
    sdkDouble.setFlag('OPENSHIFT_BUILDCONFIG', false);
    expect(renderHook(() => useBuildsAvailable(), undefined).current).toBe(false);
  });

  it('counts a flag not yet detected as available, so that no page flashes a warning', () => {
    sdkDouble.setFlag('OPENSHIFT_BUILDCONFIG', undefined);
    expect(renderHook(() => useBuildsAvailable(), undefined).current).toBe(true);
  });
});
