import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom-v5-compat';
import { consoleFetchJSON, sdkDouble } from '../../test-support/console-sdk-double';
import { anchorDeployment } from '../../test-support/fixtures';
import CachesHealthPopup from './CachesHealthPopup';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);

const deployment = (name: string, namespace: string, ready: number, persistent = false) =>
  anchorDeployment(name, namespace, { ready, claim: persistent ? `${name}-data` : undefined });

/** A Prometheus answer with one sample per `namespace/claim`. */
const vector = (samples: Record<string, number>) => ({
  status: 'success',
  data: {
    resultType: 'vector',
    result: Object.entries(samples).map(([key, value]) => {
      const [namespace, claim] = key.split('/');
      return {
        metric: { namespace: namespace ?? '', persistentvolumeclaim: claim ?? '' },
        value: [1, String(value)] as [number, string],
      };
    }),
  },
});

const renderPopup = (props: React.ComponentProps<typeof CachesHealthPopup>) =>
  render(
    <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <CachesHealthPopup {...props} />
    </MemoryRouter>,
  );

describe('CachesHealthPopup', () => {
  it('names the caches that are not ready first, with links to them', () => {
    renderPopup({
      deployments: {
        data: [deployment('ok', 'demo', 1), deployment('down', 'team-b', 0)],
        loaded: true,
        loadError: undefined,
      },
    });
    expect(screen.getByTestId('pipcache-health-popup-summary')).toHaveTextContent(
      '1 of 2 not ready, 1 ready',
    );
    const items = screen.getAllByTestId('popup-item');
    expect(items.map((item) => item.textContent)).toEqual([
      'team-b/down | Not ready',
      'demo/ok | Ready',
    ]);
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/pipcache/ns/team-b/down');
    expect(screen.getByRole('link', { name: 'View all pip caches' })).toHaveAttribute(
      'href',
      '/pipcache/all-namespaces',
    );
  });

  it('names at most eight caches and counts the rest', () => {
    renderPopup({
      deployments: {
        data: Array.from({ length: 11 }, (_, i) => deployment(`c${i}`, 'demo', 1)),
        loaded: true,
        loadError: undefined,
      },
    });
    expect(screen.getAllByTestId('popup-item')).toHaveLength(8);
    expect(screen.getByText('And 3 more.')).toBeInTheDocument();
  });

  it('says why there is no list for a user who may not list every project', () => {
    renderPopup({
      deployments: { data: [], loaded: true, loadError: { code: 403, message: 'forbidden' } },
    });
    expect(screen.getByTestId('pipcache-health-popup-summary')).toHaveTextContent(
      'you may not list pip caches in every project',
    );
    expect(screen.queryAllByTestId('popup-item')).toHaveLength(0);
  });

  it('reads the volumes cluster-wide while open and lists the caches filling up, fullest first', async () => {
    sdkDouble.answerFetchJSON((url) =>
      Promise.resolve(
        url.includes('used_bytes')
          ? vector({ 'demo/calm-data': 29, 'demo/busy-data': 88, 'team-b/full-data': 97 })
          : vector({ 'demo/calm-data': 100, 'demo/busy-data': 100, 'team-b/full-data': 100 }),
      ),
    );
    renderPopup({
      deployments: {
        data: [
          deployment('calm', 'demo', 1, true),
          deployment('busy', 'demo', 1, true),
          deployment('scratch', 'demo', 1),
          deployment('full', 'team-b', 1, true),
        ],
        loaded: true,
        loadError: undefined,
      },
    });
    expect(
      (await screen.findAllByTestId('pipcache-health-popup-filling')).map((l) => l.textContent),
    ).toEqual(['team-b/full', 'demo/busy']);
    expect(screen.getByTestId('pipcache-health-popup-disk-summary')).toHaveTextContent(
      'Volumes filling up: 2, nearly full: 1.',
    );
    expect(consoleFetchJSON.mock.calls.map(([url]) => url.split('?')[0])).toEqual([
      '/api/prometheus/api/v1/query',
      '/api/prometheus/api/v1/query',
    ]);
  });

  it('asks each project through the tenancy API without cluster monitoring, and says when it fails', async () => {
    sdkDouble.setAccess(false, false);
    sdkDouble.answerFetchJSON(() =>
      Promise.reject(Object.assign(new Error('Bad Gateway'), { status: 502 })),
    );
    renderPopup({
      deployments: {
        data: [deployment('a', 'demo', 1, true), deployment('b', 'team-b', 1, true)],
        loaded: true,
        loadError: undefined,
      },
    });
    expect(await screen.findByTestId('pipcache-health-popup-disk-unknown')).toHaveTextContent(
      'Disk use unknown',
    );
    expect(
      consoleFetchJSON.mock.calls.map(([url]) =>
        new URL(url, 'http://x').searchParams.get('namespace'),
      ),
    ).toEqual(['demo', 'demo', 'team-b', 'team-b']);
    expect(screen.queryByTestId('pipcache-health-popup-disk')).not.toBeInTheDocument();
  });
});
