import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom-v5-compat';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import {
  k8sListItems,
  useAccessReview,
  useFlag,
  useK8sWatchResources,
  useModal,
} from '../../test-support/console-sdk-double';
import UseInBuildsModal from '../buildconfig/UseInBuildsModal';
import DeleteCacheModal from '../details/DeleteCacheModal';
import PipCacheListPage from './PipCacheListPage';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);

const accessReview = useAccessReview;
const listItems = k8sListItems;
const modal = useModal;

const watchAll = useK8sWatchResources;

const KINDS = ['deployments', 'services', 'routes', 'pvcs', 'buildConfigs', 'builds', 'pods'];

/** Answers the page's watches: the Deployments given, every other kind empty. */
const watch = {
  mockReturnValue: ([deployments, loaded, loadError]: [IDeployment[], boolean, unknown]) =>
    watchAll.mockReturnValue(
      Object.fromEntries(
        KINDS.map((kind) => [
          kind,
          kind === 'deployments'
            ? { data: deployments, loaded, loadError }
            : { data: [], loaded: true, loadError: undefined },
        ]),
      ) as never,
    ),
  mockReset: () => watchAll.mockReset(),
};

const deployment = (
  name: string,
  namespace: string,
  ready: number,
  created: string,
): IDeployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name,
    namespace,
    creationTimestamp: created,
    labels: {
      'app.kubernetes.io/name': 'pipcache',
      'app.kubernetes.io/instance': name,
      'app.kubernetes.io/managed-by': 'pipcache-plugin',
    },
  },
  spec: { replicas: 1, selector: {}, template: {} },
  status: { readyReplicas: ready },
});

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
  beforeEach(() => watch.mockReset());

  it('watches anchor Deployments of the URL project with the contract selector', () => {
    watch.mockReturnValue([[], true, undefined]);
    renderAt('/pipcache/ns/demo');
    const watched = watchAll.mock.calls[0]![0] as Record<string, unknown>;
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
    const flag = useFlag;
    flag.mockReturnValue(false);
    try {
      watch.mockReturnValue([[], true, undefined]);
      renderAt('/pipcache/ns/demo');
      expect(flag).toHaveBeenCalledWith('OPENSHIFT_BUILDCONFIG');
      const watched = watchAll.mock.calls[0]![0] as Record<string, unknown>;
      expect(Object.keys(watched).sort()).toEqual(
        KINDS.filter((kind) => kind !== 'buildConfigs' && kind !== 'builds').sort(),
      );
      expect(screen.getByTestId('pipcache-builds-unavailable')).toHaveTextContent(
        'Builds are unavailable on this cluster',
      );
    } finally {
      flag.mockReturnValue(true);
    }
  });

  it('shows the empty state with a Create button that opens the form', () => {
    watch.mockReturnValue([[], true, undefined]);
    renderAt('/pipcache/ns/demo');
    const empty = screen.getByTestId('pipcache-empty-state');
    expect(within(empty).getByText('No pip caches in this project')).toBeInTheDocument();
    expect(within(empty).getByRole('link', { name: 'Create pip cache' })).toHaveAttribute(
      'href',
      '/pipcache/ns/demo/~new',
    );
  });

  it('shows one row per cache with its status, sorted by name, and filters by name', async () => {
    watch.mockReturnValue([
      [
        deployment('zeta', 'demo', 1, '2026-11-01T00:00:00Z'),
        deployment('alpha', 'demo', 0, '2026-11-02T00:00:00Z'),
      ],
      true,
      undefined,
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
    const launchModal = jest.fn();
    modal.mockReturnValue(launchModal);
    watch.mockReturnValue([
      [deployment('alpha', 'demo', 1, '2026-11-01T00:00:00Z')],
      true,
      undefined,
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
    watch.mockReturnValue([
      [
        deployment('a', 'demo', 1, '2026-11-01T00:00:00Z'),
        deployment('b', 'demo', 1, '2026-11-01T00:00:00Z'),
      ],
      true,
      undefined,
    ]);
    renderAt('/pipcache/ns/demo');
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Name' })));
    expect(
      screen.getAllByTestId('pipcache-row').map((r) => r.getAttribute('data-test-name')),
    ).toEqual(['b', 'a']);
  });

  it('shows the project column and watches every project on the all-projects URL', () => {
    watch.mockReturnValue([[deployment('c', 'other', 1, '2026-11-01T00:00:00Z')], true, undefined]);
    renderAt('/pipcache/all-namespaces');
    const watched = watchAll.mock.calls[0]![0] as Record<string, { namespace?: string }>;
    expect(watched.deployments!.namespace).toBeUndefined();
    expect(screen.getByRole('columnheader', { name: 'Project' })).toBeInTheDocument();
    expect(within(screen.getByTestId('pipcache-row')).getByText('other')).toBeInTheDocument();
    // The copy and actions columns show no text but have a header for screen readers.
    expect(screen.getByRole('columnheader', { name: 'Copy pip settings' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeInTheDocument();
  });

  it('says what failed when the watch cannot load', () => {
    watch.mockReturnValue([[], false, new Error('deployments.apps is forbidden')]);
    renderAt('/pipcache/ns/demo');
    expect(screen.getByTestId('pipcache-load-error')).toHaveTextContent(
      'deployments.apps is forbidden',
    );
  });

  it('shows the first project of the user, and says so, when they may not list every project', async () => {
    accessReview.mockImplementation(({ namespace }) => [Boolean(namespace), false]);
    listItems.mockResolvedValue([
      { metadata: { name: 'team-b' } },
      { metadata: { name: 'team-a' } },
    ]);
    watch.mockReturnValue([
      [deployment('c', 'team-a', 1, '2026-11-01T00:00:00Z')],
      true,
      undefined,
    ]);
    try {
      renderAt('/pipcache/all-namespaces');
      expect(await screen.findByTestId('pipcache-all-projects-limited')).toHaveTextContent(
        'This page shows project team-a',
      );
      await waitFor(() => {
        const calls = watchAll.mock.calls.map(
          (call) => call[0] as Record<string, { namespace?: string } | undefined>,
        );
        // No cluster-wide watch was ever opened, and the last one is of the project shown.
        expect(
          calls.every(
            (watched) => watched.deployments?.namespace !== undefined || !watched.deployments,
          ),
        ).toBe(true);
        expect(calls.at(-1)?.deployments?.namespace).toBe('team-a');
      });
      expect(screen.queryByRole('columnheader', { name: 'Project' })).not.toBeInTheDocument();
    } finally {
      accessReview.mockImplementation(() => [true, false]);
    }
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
    watch.mockReturnValue([[], false, forbidden]);
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
