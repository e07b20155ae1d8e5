import type { AccessReviewResourceAttributes } from '@openshift-console/dynamic-plugin-sdk';
import { sdkDouble } from '../test-support/console-sdk-double';
import { renderHook } from '../test-support/render-hook';
import { useCacheChangeAccess } from './useCacheChangeAccess';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

/** A review's name: verb, resource and subresource. */
const right = ({ verb, resource, subresource }: AccessReviewResourceAttributes) =>
  [verb, resource, subresource].filter(Boolean).join(' ');

/** The hook's answer when every right but `refused` is granted. */
const without = (refused: string) => {
  sdkDouble.setAccess((attributes) => [right(attributes) !== refused, false]);
  return renderHook(() => useCacheChangeAccess('demo', 'alpha'), undefined).current;
};

describe('useCacheChangeAccess', () => {
  it('allows every action when every right is granted', () => {
    expect(without('none')).toEqual({
      checking: false,
      canEmpty: true,
      canRestart: true,
      canExpand: true,
      canUpgrade: true,
    });
  });

  it.each([
    // Emptying scales the Deployment and replaces the claim; restarting patches the Deployment.
    [
      'patch deployments',
      { canEmpty: false, canRestart: false, canExpand: true, canUpgrade: false },
    ],
    [
      'delete persistentvolumeclaims',
      { canEmpty: false, canRestart: true, canExpand: true, canUpgrade: true },
    ],
    [
      'create persistentvolumeclaims',
      { canEmpty: false, canRestart: true, canExpand: true, canUpgrade: true },
    ],
    [
      'patch persistentvolumeclaims',
      { canEmpty: true, canRestart: true, canExpand: false, canUpgrade: true },
    ],
    [
      'patch buildconfigs',
      { canEmpty: true, canRestart: true, canExpand: true, canUpgrade: false },
    ],
    [
      'create buildconfigs instantiate',
      { canEmpty: true, canRestart: true, canExpand: true, canUpgrade: false },
    ],
    ['patch configmaps', { canEmpty: true, canRestart: true, canExpand: true, canUpgrade: false }],
  ])('without "%s" allows only what does not need it', (refused, expected) => {
    expect(without(refused)).toEqual({ checking: false, ...expected });
  });

  it('is checking while any review is', () => {
    sdkDouble.setAccess((attributes) => [true, right(attributes) === 'patch configmaps']);
    expect(
      renderHook(() => useCacheChangeAccess('demo', 'alpha'), undefined).current.checking,
    ).toBe(true);
  });
});
