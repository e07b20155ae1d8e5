import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom-v5-compat';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import CachesHealthPopup from './CachesHealthPopup';

jest.mock('../../sdk/console-sdk', () => ({
  StatusPopupSection: ({
    firstColumn,
    secondColumn,
    children,
  }: {
    firstColumn: React.ReactNode;
    secondColumn?: React.ReactNode;
    children?: React.ReactNode;
  }) => (
    <section>
      <div>
        {firstColumn} | {secondColumn}
      </div>
      {children}
    </section>
  ),
  StatusPopupItem: ({ value, children }: { value?: string; children?: React.ReactNode }) => (
    <div data-test="popup-item">
      {children} | {value}
    </div>
  ),
}));

const deployment = (name: string, namespace: string, ready: number): IDeployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: { replicas: 1, selector: {}, template: {} },
  status: { readyReplicas: ready },
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
});
