import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom-v5-compat';
import {
  launchModal,
  sdkDouble,
  useFlag,
  useK8sWatchResources,
} from '../../test-support/console-sdk-double';
import { anchorDeployment } from '../../test-support/fixtures';
import UseInBuildsModal from '../shared/UseInBuildsModal';
import DeleteCacheModal from '../shared/DeleteCacheModal';
import PipCacheListPage from './PipCacheListPage';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);

const KINDS = ['deployments', 'services', 'routes', 'pvcs', 'buildConfigs', 'builds', 'pods'];

const renderAt = (url: string) =>
  render(
    <MemoryRouter
      initialEntries={[url]}
      future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
    >
      <Routes>
        <Route path="/pipcache/ns/:ns" element={<PipCacheListPage />} />
        <Route path="/pipcache/all-namespaces" element={<PipCacheListPage />} />
      </Routes>
    </MemoryRouter>,
  );

describe('PipCacheListPage', () => {
  it('watches anchor Deployments of the URL project with the contract selector', () => {
    sdkDouble.setWatch('Deployment', []);
    renderAt('/pipcache/ns/demo');
    const watched = useK8sWatchResources.mock.calls[0]![0];
    expect(Object.keys(watched).sort()).toEqual([...KINDS].sort());
    expect(watched.deployments).toEqual(
      expect.objectContaining({
        groupVersionKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
        isList: true,
        namespace: 'demo',
        selector: {
          matchLabels: {
            'app.kubernetes.io/name': 'pipcache',
            'app.kubernetes.io/managed-by': 'pipcache-plugin',
          },
        },
      }),
    );
  });

  it('without the Build capability watches no builds and says builds are unavailable', () => {
    sdkDouble.setFlag('OPENSHIFT_BUILDCONFIG', false);
    sdkDouble.setWatch('Deployment', []);
    renderAt('/pipcache/ns/demo');
    expect(useFlag).toHaveBeenCalledWith('OPENSHIFT_BUILDCONFIG');
    const watched = useK8sWatchResources.mock.calls[0]![0];
    expect(Object.keys(watched).sort()).toEqual(
      KINDS.filter((kind) => kind !== 'buildConfigs' && kind !== 'builds').sort(),
    );
    expect(screen.getByTestId('pipcache-builds-unavailable')).toHaveTextContent(
      'Builds are unavailable on this cluster',
    );
  });

  it('shows the empty state with a Create button that opens the form', () => {
    sdkDouble.setWatch('Deployment', []);
    renderAt('/pipcache/ns/demo');
    const empty = screen.getByTestId('pipcache-empty-state');
    expect(within(empty).getByText('No pip caches in this project')).toBeInTheDocument();
    expect(within(empty).getByRole('link', { name: 'Create pip cache' })).toHaveAttribute(
      'href',
      '/pipcache/ns/demo/~new',
    );
  });

  it('shows one row per cache with its status, sorted by name, and filters by name', async () => {
    sdkDouble.setWatch('Deployment', [
      anchorDeployment('zeta', 'demo', { ready: 1, created: '2026-11-01T00:00:00Z' }),
      anchorDeployment('alpha', 'demo', { ready: 0, created: '2026-11-02T00:00:00Z' }),
    ]);
    renderAt('/pipcache/ns/demo');
    const rows = screen.getAllByTestId('pipcache-row');
    expect(rows.map((row) => row.getAttribute('data-test-name'))).toEqual(['alpha', 'zeta']);
    expect(within(rows[0]!).getByText('Starting')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Ready')).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('link', { name: 'alpha' })).toHaveAttribute(
      'href',
      '/pipcache/ns/demo/alpha',
    );

    await act(() => userEvent.type(screen.getByRole('textbox', { name: 'Filter by name' }), 'zet'));
    expect(
      screen.getAllByTestId('pipcache-row').map((r) => r.getAttribute('data-test-name')),
    ).toEqual(['zeta']);
  });

  it("offers a row's actions in its kebab menu, named for the cache, and opens their dialogs", async () => {
    sdkDouble.setWatch('Deployment', [
      anchorDeployment('alpha', 'demo', { ready: 1, created: '2026-11-01T00:00:00Z' }),
    ]);
    renderAt('/pipcache/ns/demo');
    const toggle = screen.getByRole('button', { name: 'Actions for alpha' });
    expect(screen.queryByRole('menuitem')).toBeNull();
    await act(() => userEvent.click(toggle));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Use in builds…',
      'Delete pip cache',
    ]);
    await act(() => userEvent.click(screen.getByRole('menuitem', { name: 'Delete pip cache' })));
    await waitFor(() =>
      expect(launchModal).toHaveBeenCalledWith(
        DeleteCacheModal,
        expect.objectContaining({ namespace: 'demo', name: 'alpha' }),
      ),
    );
    await waitFor(() => expect(screen.queryByRole('menuitem')).toBeNull());
    await act(() => userEvent.click(toggle));
    await act(() => userEvent.click(screen.getByRole('menuitem', { name: 'Use in builds…' })));
    await waitFor(() =>
      expect(launchModal).toHaveBeenLastCalledWith(
        UseInBuildsModal,
        expect.objectContaining({ cache: expect.objectContaining({ name: 'alpha' }) }),
      ),
    );
  });

  it('sorts descending when the Name header is clicked', async () => {
    sdkDouble.setWatch('Deployment', [
      anchorDeployment('a', 'demo', { ready: 1, created: '2026-11-01T00:00:00Z' }),
      anchorDeployment('b', 'demo', { ready: 1, created: '2026-11-01T00:00:00Z' }),
    ]);
    renderAt('/pipcache/ns/demo');
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Name' })));
    expect(
      screen.getAllByTestId('pipcache-row').map((r) => r.getAttribute('data-test-name')),
    ).toEqual(['b', 'a']);
  });

  it('shows the project column and watches every project on the all-projects URL', () => {
    sdkDouble.setWatch('Deployment', [
      anchorDeployment('c', 'other', { ready: 1, created: '2026-11-01T00:00:00Z' }),
    ]);
    renderAt('/pipcache/all-namespaces');
    const watched = useK8sWatchResources.mock.calls[0]![0];
    expect(watched.deployments!.namespace).toBeUndefined();
    expect(screen.getByRole('columnheader', { name: 'Project' })).toBeInTheDocument();
    expect(within(screen.getByTestId('pipcache-row')).getByText('other')).toBeInTheDocument();
    // The copy and actions columns show no text but have a header for screen readers.
    expect(screen.getByRole('columnheader', { name: 'Copy pip settings' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeInTheDocument();
  });

  it('says what failed when the watch cannot load', () => {
    sdkDouble.setWatch('Deployment', [], false, new Error('deployments.apps is forbidden'));
    renderAt('/pipcache/ns/demo');
    expect(screen.getByTestId('pipcache-load-error')).toHaveTextContent(
      'deployments.apps is forbidden',
    );
  });

  it('shows the first project of the user, and says so, when they may not list every project', async () => {
    sdkDouble.setAccess(({ namespace }) => [Boolean(namespace), false]);
    sdkDouble.answerK8s('list', () => [
      { metadata: { name: 'team-b' } },
      { metadata: { name: 'team-a' } },
    ]);
    sdkDouble.setWatch('Deployment', [
      anchorDeployment('c', 'team-a', { ready: 1, created: '2026-11-01T00:00:00Z' }),
    ]);
    renderAt('/pipcache/all-namespaces');
    expect(await screen.findByTestId('pipcache-all-projects-limited')).toHaveTextContent(
      'This page shows project team-a',
    );
    await waitFor(() => {
      const calls = useK8sWatchResources.mock.calls.map(([watched]) => watched);
      // No cluster-wide watch was ever opened, and the last one is of the project shown.
      expect(
        calls.every(
          (watched) => watched.deployments?.namespace !== undefined || !watched.deployments,
        ),
      ).toBe(true);
      expect(calls.at(-1)?.deployments?.namespace).toBe('team-a');
    });
    expect(screen.queryByRole('columnheader', { name: 'Project' })).not.toBeInTheDocument();
  });

  it('names the missing role when the cluster answers 403, in a project and in all projects', () => {
    const forbidden = Object.assign(new Error('forbidden'), {
      code: 403,
      json: {
        code: 403,
        reason: 'Forbidden',
        message: 'deployments.apps is forbidden: User "dev" cannot list resource "deployments"',
      },
    });
    sdkDouble.setWatch('Deployment', [], false, forbidden);
    const { unmount } = renderAt('/pipcache/ns/demo');
    const alert = screen.getByTestId('pipcache-load-error');
    expect(alert).toHaveTextContent('You may not list the pip caches of project demo.');
    expect(alert).toHaveTextContent(
      'Ask an administrator of the project for the view role there, or choose another project. The cluster said: deployments.apps is forbidden: User "dev" cannot list resource "deployments"',
    );
    unmount();
    renderAt('/pipcache/all-namespaces');
    expect(screen.getByTestId('pipcache-load-error')).toHaveTextContent(
      'You may not list pip caches in every project.',
    );
  });
});
