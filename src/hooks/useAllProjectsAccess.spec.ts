import { waitFor } from '@testing-library/react';
import { k8sListItems, sdkDouble } from '../test-support/console-sdk-double';
import { renderHook } from '../test-support/render-hook';
import { useAllProjectsAccess } from './useAllProjectsAccess';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

describe('useAllProjectsAccess', () => {
  it('shows every project to a user who may list Deployments cluster-wide', () => {
    const access = renderHook(() => useAllProjectsAccess(true), undefined);
    expect(access.current).toEqual({ checking: false, clusterWide: true, project: undefined });
    expect(k8sListItems).not.toHaveBeenCalled();
  });

  it('shows another user the first project they may see, in name order', async () => {
    sdkDouble.setAccess(false);
    sdkDouble.answerK8s('list', () => [
      { metadata: { name: 'team-b' } },
      { metadata: { name: 'team-a' } },
    ]);
    const access = renderHook(() => useAllProjectsAccess(true), undefined);
    expect(access.current.checking).toBe(true);
    await waitFor(() =>
      expect(access.current).toEqual({ checking: false, clusterWide: false, project: 'team-a' }),
    );
  });

  it('gives no project, and stops checking, when the projects cannot be listed', async () => {
    sdkDouble.setAccess(false);
    sdkDouble.answerK8s('list', () => Promise.reject(new Error('forbidden')));
    const access = renderHook(() => useAllProjectsAccess(true), undefined);
    await waitFor(() => expect(access.current.checking).toBe(false));
    expect(access.current).toEqual({ checking: false, clusterWide: false, project: undefined });
  });

  it('asks nothing of the projects on a one-project page', () => {
    sdkDouble.setAccess(false);
    const access = renderHook(() => useAllProjectsAccess(false), undefined);
    expect(access.current.checking).toBe(false);
    expect(k8sListItems).not.toHaveBeenCalled();
  });
});
