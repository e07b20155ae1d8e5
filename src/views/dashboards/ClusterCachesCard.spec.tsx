import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom-v5-compat';
import { forgetListedProbes } from '../../hooks/useListedDevpiProbe';
import {
  consoleFetch,
  consoleFetchJSON,
  sdkDouble,
  textResponse,
  useAccessReview,
  useK8sWatchResources,
} from '../../test-support/console-sdk-double';
import { anchorDeployment } from '../../test-support/fixtures';
import ClusterCachesCard from './ClusterCachesCard';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);

/** devpi's `/+api` answer through the service proxy. */
const devpiAnswers = () =>
  sdkDouble.answerFetch(() =>
    Promise.resolve(textResponse(JSON.stringify({ type: 'apiconfig', result: {} }))),
  );

const renderCard = () =>
  render(
    <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <ClusterCachesCard />
    </MemoryRouter>,
  );

describe('ClusterCachesCard', () => {
  beforeEach(() => {
    devpiAnswers();
    forgetListedProbes();
  });

  it('asks whether the user may list Deployments in every project', () => {
    sdkDouble.setAccess(false, true);
    renderCard();
    expect(useAccessReview).toHaveBeenCalledWith({
      group: 'apps',
      resource: 'deployments',
      verb: 'list',
    });
  });

  it('lists the caches of every project, by project and name, when allowed', async () => {
    sdkDouble.setAccess(true, false);
    sdkDouble.setWatch('Deployment', [
      anchorDeployment('beta', 'team-b'),
      anchorDeployment('zeta', 'demo'),
      anchorDeployment('alpha', 'demo'),
    ]);
    renderCard();
    const watched = useK8sWatchResources.mock.calls[0]![0];
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
    expect(within(rows[2]!).getByTestId('pipcache-internal-url')).toHaveTextContent(
      'http://beta.team-b.svc/root/pypi/+simple/',
    );
    expect(within(rows[2]!).getByTestId('pipcache-external-url-problem')).toHaveTextContent(
      'This cache has no route: it is reachable inside the cluster only.',
    );
    // Health from devpi itself, through the service proxy.
    await screen.findAllByText(/Ready — answered in/);
    expect(within(rows[2]!).getByTestId('pipcache-status')).toHaveAttribute('data-status', 'ready');
    expect(consoleFetch).toHaveBeenCalledWith(
      '/api/kubernetes/api/v1/namespaces/team-b/services/http:beta:80/proxy/+api',
      expect.anything(),
      expect.anything(),
    );
  });

  it('asks devpi only for the rows on screen, and each at most once a minute across pages', async () => {
    jest.useFakeTimers();
    try {
      sdkDouble.setAccess(true, false);
      const names = Array.from({ length: 23 }, (_, i) => `c${String(i).padStart(2, '0')}`);
      sdkDouble.setWatch(
        'Deployment',
        names.map((name) => anchorDeployment(name, 'demo')),
      );
      renderCard();
      expect(screen.getAllByTestId('pipcache-cluster-row')).toHaveLength(10);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(1000);
      });
      const asked = () => new Set(consoleFetch.mock.calls.map(([url]) => url.split('/')[8]));
      expect(consoleFetch).toHaveBeenCalledTimes(10);
      expect([...asked()].sort()).toEqual(names.slice(0, 10).map((n) => `http:${n}:80`));

      // The next page asks its own rows; going back within the minute asks nobody again.
      fireEvent.click(screen.getAllByRole('button', { name: 'Go to next page' })[0]!);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(1000);
      });
      expect(consoleFetch).toHaveBeenCalledTimes(20);
      fireEvent.click(screen.getAllByRole('button', { name: 'Go to previous page' })[0]!);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(1000);
      });
      expect(consoleFetch).toHaveBeenCalledTimes(20);
      expect(screen.getAllByText(/Ready — answered in/)).toHaveLength(10);

      // A minute later the rows on screen are asked again, and only they.
      await act(async () => {
        await jest.advanceTimersByTimeAsync(60_000);
      });
      expect(consoleFetch).toHaveBeenCalledTimes(30);
    } finally {
      jest.useRealTimers();
    }
    // (A generous timeout: three pages of rows render slowly on a loaded machine.)
  }, 30_000);

  it('shows readiness with the reason to a user who may not use the service proxy', () => {
    sdkDouble.setAccess((attributes) => [attributes.resource === 'deployments', false]);
    sdkDouble.setWatch('Deployment', [anchorDeployment('alpha', 'demo')]);
    renderCard();
    expect(screen.getByTestId('pipcache-status')).toHaveTextContent(
      'you may not use the service proxy, so devpi itself was not asked',
    );
    expect(consoleFetch).not.toHaveBeenCalled();
  });

  it('filters by status', () => {
    sdkDouble.setAccess((attributes) => [attributes.resource === 'deployments', false]);
    const starting = { ...anchorDeployment('starting', 'demo'), status: { readyReplicas: 0 } };
    sdkDouble.setWatch('Deployment', [anchorDeployment('alpha', 'demo'), starting]);
    renderCard();
    const names = () =>
      screen.getAllByTestId('pipcache-cluster-row').map((r) => r.getAttribute('data-test-name'));
    expect(names()).toEqual(['alpha', 'starting']);
    fireEvent.click(screen.getByRole('button', { name: 'Not ready' }));
    expect(names()).toEqual(['starting']);
    fireEvent.click(screen.getByRole('button', { name: 'Ready' }));
    expect(names()).toEqual(['alpha']);
  });

  it('says when no project has a cache', () => {
    sdkDouble.setAccess(true, false);
    sdkDouble.setWatch('Deployment', []);
    renderCard();
    expect(screen.getByTestId('pipcache-cluster-empty')).toHaveTextContent(
      'No project has a pip cache yet.',
    );
  });

  it('explains the limit, without watching, to a user who may not list every project', () => {
    sdkDouble.setAccess(false, false);
    renderCard();
    expect(useK8sWatchResources).not.toHaveBeenCalled();
    const limited = screen.getByTestId('pipcache-cluster-limited');
    expect(limited).toHaveTextContent('You may see pip caches only in your own projects');
    expect(limited).toHaveTextContent('needs permission to list Deployments in all projects');
    expect(within(limited).getByRole('link', { name: 'Pip caches in demo' })).toHaveAttribute(
      'href',
      '/pipcache/ns/demo',
    );
  });

  it('reads ten projects one by one without cluster monitoring, and names the ones left out', async () => {
    // Listing every project is allowed; querying the platform Prometheus is not.
    sdkDouble.setAccess((attributes) => [attributes.resource === 'deployments', false]);
    const persistent = (name: string, namespace: string) =>
      anchorDeployment(name, namespace, { claim: `${name}-data` });
    const projects = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    sdkDouble.setWatch('Deployment', [
      ...projects.map((p) => persistent('cache', p)),
      anchorDeployment('scratch', 'p00'),
    ]);
    sdkDouble.answerFetchJSON((url) => {
      const params = new URL(url, 'http://console').searchParams;
      const namespace = params.get('namespace') ?? '';
      const used = params.get('query')?.startsWith('kubelet_volume_stats_used_bytes');
      return Promise.resolve({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            {
              metric: { namespace, persistentvolumeclaim: 'cache-data' },
              value: [1, used ? (namespace === 'p01' ? '90' : '10') : '100'],
            },
          ],
        },
      });
    });
    renderCard();
    const partial = await screen.findByTestId('pipcache-cluster-disk-partial');
    expect(partial).toHaveTextContent(
      'reads the first 10 projects one by one; not read: p10, p11.',
    );
    expect(consoleFetchJSON).toHaveBeenCalledTimes(20);
    const disk = (namespace: string, name = 'cache') =>
      screen
        .getAllByTestId('pipcache-cluster-row')
        .find(
          (row) =>
            row.getAttribute('data-test-namespace') === namespace &&
            row.getAttribute('data-test-name') === name,
        )!
        .querySelector('[data-test="pipcache-cluster-disk"]');
    expect(disk('p00')).toHaveTextContent('10% full');
    expect(disk('p01')).toHaveTextContent('90% full');
    expect(disk('p00', 'scratch')).toHaveTextContent('Ephemeral');
    // Thirteen caches: the last ones are on the second page.
    fireEvent.click(screen.getAllByRole('button', { name: 'Go to next page' })[0]!);
    expect(disk('p11')).toHaveTextContent('Unknown');
  });
});
