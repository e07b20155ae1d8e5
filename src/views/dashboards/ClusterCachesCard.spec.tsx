import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom-v5-compat';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { useAccessReview, useK8sWatchResources } from '../../sdk/console-sdk';
import ClusterCachesCard from './ClusterCachesCard';

jest.mock('../../sdk/console-sdk', () => ({
  useK8sWatchResources: jest.fn(),
  useAccessReview: jest.fn(),
  useActiveNamespace: () => ['demo', () => undefined],
}));

const watchAll = useK8sWatchResources as jest.MockedFunction<typeof useK8sWatchResources>;
const review = useAccessReview as jest.MockedFunction<typeof useAccessReview>;
const KINDS = ['deployments', 'services', 'routes', 'pvcs', 'buildConfigs', 'builds', 'pods'];

const answer = (deployments: IDeployment[]) =>
  watchAll.mockReturnValue(
    Object.fromEntries(
      KINDS.map((kind) => [
        kind,
        { data: kind === 'deployments' ? deployments : [], loaded: true, loadError: undefined },
      ]),
    ) as never,
  );

const deployment = (name: string, namespace: string): IDeployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name,
    namespace,
    labels: {
      'app.kubernetes.io/name': 'pipcache',
      'app.kubernetes.io/instance': name,
      'app.kubernetes.io/managed-by': 'pipcache-plugin',
    },
  },
  spec: { replicas: 1, selector: {}, template: {} },
  status: { readyReplicas: 1 },
});

const renderCard = () =>
  render(
    <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <ClusterCachesCard />
    </MemoryRouter>,
  );

describe('ClusterCachesCard', () => {
  beforeEach(() => {
    watchAll.mockReset();
    review.mockReset();
  });

  it('asks whether the user may list Deployments in every project', () => {
    review.mockReturnValue([false, true]);
    renderCard();
    expect(review).toHaveBeenCalledWith({ group: 'apps', resource: 'deployments', verb: 'list' });
  });

  it('lists the caches of every project, by project and name, when allowed', () => {
    review.mockReturnValue([true, false]);
    answer([deployment('beta', 'team-b'), deployment('zeta', 'demo'), deployment('alpha', 'demo')]);
    renderCard();
    const watched = watchAll.mock.calls[0]![0] as Record<string, { namespace?: string }>;
    expect(watched.deployments!.namespace).toBeUndefined();
    const rows = screen.getAllByTestId('pipcache-cluster-row');
    expect(
      rows.map(
        (r) => `${r.getAttribute('data-test-namespace')}/${r.getAttribute('data-test-name')}`,
      ),
    ).toEqual(['demo/alpha', 'demo/zeta', 'team-b/beta']);
    expect(within(rows[2]!).getByRole('link', { name: 'beta' })).toHaveAttribute(
      'href',
      '/pipcache/ns/team-b/beta',
    );
    expect(within(rows[2]!).getByTestId('pipcache-status')).toHaveAttribute('data-status', 'ready');
  });

  it('says when no project has a cache', () => {
    review.mockReturnValue([true, false]);
    answer([]);
    renderCard();
    expect(screen.getByTestId('pipcache-cluster-empty')).toHaveTextContent(
      'No project has a pip cache yet.',
    );
  });

  it('explains the limit, without watching, to a user who may not list every project', () => {
    review.mockReturnValue([false, false]);
    renderCard();
    expect(watchAll).not.toHaveBeenCalled();
    const limited = screen.getByTestId('pipcache-cluster-limited');
    expect(limited).toHaveTextContent('You may see pip caches only in your own projects');
    expect(limited).toHaveTextContent('needs permission to list Deployments in all projects');
    expect(within(limited).getByRole('link', { name: 'Pip caches in demo' })).toHaveAttribute(
      'href',
      '/pipcache/ns/demo',
    );
  });
});
