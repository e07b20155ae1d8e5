import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom-v5-compat';
import {
  consoleFetchJSON,
  sdkDouble,
  useK8sWatchResources,
} from '../../test-support/console-sdk-double';
import { anchorDeployment } from '../../test-support/fixtures';
import ProjectCachesInventoryItem from './ProjectCachesInventoryItem';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);

/** Answers the tenancy queries with the given used and capacity bytes per claim. */
const volumes = (figures: Record<string, [used: number, capacity: number]>) =>
  sdkDouble.answerFetchJSON((url) => {
    const index = decodeURIComponent(url).includes('capacity_bytes') ? 1 : 0;
    return Promise.resolve({
      status: 'success',
      data: {
        resultType: 'vector',
        result: Object.entries(figures).map(([claim, bytes]) => ({
          metric: { persistentvolumeclaim: claim },
          value: [0, String(bytes[index])],
        })),
      },
    });
  });
const answer = (deployments: object[], loaded = true, loadError?: unknown) =>
  sdkDouble.setWatch('Deployment', deployments, loaded, loadError);

const deployment = (name: string, ready: number) => anchorDeployment(name, 'demo', { ready });

const renderItem = () =>
  render(
    <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <ProjectCachesInventoryItem projectName="demo" />
    </MemoryRouter>,
  );

describe('ProjectCachesInventoryItem', () => {
  let written: string[];
  beforeEach(() => {
    // Volume figures are read from Prometheus for every rendering; by default (the double's)
    // it has not answered yet, so that no figures arrive after a test that does not look at them.
    written = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => ((written = [...written, text]), Promise.resolve()) },
    });
  });

  it('watches the caches of the project it is given', () => {
    answer([]);
    renderItem();
    const watched = useK8sWatchResources.mock.calls[0]![0];
    expect(watched.deployments!.namespace).toBe('demo');
  });

  it('marks a cache whose volume is filling up, and no other', async () => {
    volumes({ 'alpha-data': [9.7e9, 10e9], 'zeta-data': [1e9, 10e9] });
    answer([deployment('zeta', 1), deployment('alpha', 1)]);
    renderItem();
    await waitFor(() => expect(screen.getAllByTestId('pipcache-disk-label')).toHaveLength(1));
    const alpha = screen
      .getAllByTestId('pipcache-inventory-cache')
      .find((item) => item.getAttribute('data-test-name') === 'alpha')!;
    expect(within(alpha).getByTestId('pipcache-disk-label')).toHaveAttribute(
      'data-level',
      'critical',
    );
    expect(consoleFetchJSON.mock.calls.every(([url]) => url.includes('namespace=demo'))).toBe(true);
  });

  it('lists each cache with its status and copies its in-cluster pip settings', async () => {
    answer([deployment('zeta', 0), deployment('alpha', 1)]);
    renderItem();
    expect(screen.getByRole('link', { name: 'Pip caches (2)' })).toHaveAttribute(
      'href',
      '/pipcache/ns/demo',
    );
    const caches = screen.getAllByTestId('pipcache-inventory-cache');
    expect(caches.map((c) => c.getAttribute('data-test-name'))).toEqual(['alpha', 'zeta']);
    expect(within(caches[0]!).getByTestId('pipcache-status')).toHaveAttribute(
      'data-status',
      'ready',
    );
    expect(within(caches[1]!).getByTestId('pipcache-status')).toHaveAttribute(
      'data-status',
      'starting',
    );
    // The name opens a popover with both URLs and a link to the cache's page.
    await act(() => userEvent.click(within(caches[0]!).getByRole('button', { name: 'alpha' })));
    const popover = await screen.findByRole('dialog', { name: 'Index URLs of alpha' });
    expect(
      within(popover).getByRole('textbox', { name: 'Internal index URL of alpha' }),
    ).toHaveValue('http://alpha.demo.svc/root/pypi/+simple/');
    expect(within(popover).getByTestId('pipcache-external-url-problem')).toHaveTextContent(
      'This cache has no route: it is reachable inside the cluster only.',
    );
    expect(within(popover).getByRole('link', { name: 'View pip cache' })).toHaveAttribute(
      'href',
      '/pipcache/ns/demo/alpha',
    );
    await act(() =>
      userEvent.click(
        within(caches[0]!).getByRole('button', {
          name: /^Copy pip settings for builds in the cluster \(alpha\)/,
        }),
      ),
    );
    expect(written).toEqual([
      'export PIP_INDEX_URL=http://alpha.demo.svc/root/pypi/+simple/\nexport PIP_TRUSTED_HOST=alpha.demo.svc\nexport PIP_RETRIES=8',
    ]);
    // The confirmation is read aloud once the browser has copied.
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
  });

  it('offers to create a cache when the project has none', () => {
    answer([]);
    renderItem();
    expect(screen.getByTestId('pipcache-inventory-empty')).toHaveTextContent('None yet.');
    expect(screen.getByRole('link', { name: 'Create pip cache' })).toHaveAttribute(
      'href',
      '/pipcache/ns/demo/~new',
    );
    expect(screen.queryAllByTestId('pipcache-inventory-cache')).toHaveLength(0);
  });

  it('shows the loading skeleton, without a count, until the caches arrive', () => {
    answer([], false);
    renderItem();
    expect(screen.getByTestId('inventory-loading')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Pip caches' })).toBeInTheDocument();
    expect(screen.queryByTestId('pipcache-inventory-empty')).not.toBeInTheDocument();
  });

  it('says what failed when the caches cannot be loaded', () => {
    answer([], false, new Error('deployments.apps is forbidden'));
    renderItem();
    expect(screen.getByTestId('pipcache-inventory-error')).toHaveTextContent(
      'Could not load pip caches: deployments.apps is forbidden',
    );
    expect(screen.queryByTestId('inventory-loading')).not.toBeInTheDocument();
  });
});
