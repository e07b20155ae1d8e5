import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom-v5-compat';
import type { BuildConfig } from '../../model/shared';
import { k8sPatch, sdkDouble } from '../../test-support/console-sdk-double';
import { anchorDeployment } from '../../test-support/fixtures';
import UseCacheModal from './UseCacheModal';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);

const patch = k8sPatch;

const buildConfig = (env: { name: string; value: string }[]): BuildConfig => ({
  apiVersion: 'build.openshift.io/v1',
  kind: 'BuildConfig',
  metadata: { name: 'shop', namespace: 'demo', resourceVersion: '5' },
  spec: {
    source: { type: 'Git', git: { uri: 'https://git.example.com/shop.git' } },
    strategy: {
      type: 'Source',
      sourceStrategy: { from: { kind: 'ImageStreamTag', name: 'python:3.12-ubi9' }, env },
    },
  },
});

const renderModal = (bc: BuildConfig, closeModal = jest.fn()) => {
  render(
    <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <UseCacheModal buildConfig={bc} closeModal={closeModal} />
    </MemoryRouter>,
  );
  return closeModal;
};

beforeEach(() => {
  sdkDouble.setWatch('Deployment', [anchorDeployment('pipcache')]);
  sdkDouble.setAccess(false);
});

describe('UseCacheModal', () => {
  it('previews the exact change and sends the guarded patch', async () => {
    const bc = buildConfig([{ name: 'PIP_INDEX_URL', value: 'https://old.example.com/simple/' }]);
    patch.mockResolvedValue(bc);
    const close = renderModal(bc);
    const row = screen.getByTestId('pipcache-env-PIP_INDEX_URL');
    expect(row).toHaveAttribute('data-change', 'replaced');
    expect(within(row).getByText('https://old.example.com/simple/')).toBeInTheDocument();
    expect(screen.getByText(/Caches of this project only/)).toBeInTheDocument();

    await act(() => userEvent.click(screen.getByTestId('pipcache-use-apply')));
    await waitFor(() => expect(close).toHaveBeenCalled());
    const sent = patch.mock.calls[0]?.[0].data ?? [];
    expect(sent[0]).toEqual({
      op: 'test',
      path: '/spec/strategy/sourceStrategy/env',
      value: [{ name: 'PIP_INDEX_URL', value: 'https://old.example.com/simple/' }],
    });
    expect(sent[1]?.value).toEqual([
      { name: 'PIP_INDEX_URL', value: 'http://pipcache.demo.svc/root/pypi/+simple/' },
      { name: 'PIP_TRUSTED_HOST', value: 'pipcache.demo.svc' },
      { name: 'PIP_RETRIES', value: '8' },
      { name: 'UV_DEFAULT_INDEX', value: 'http://pipcache.demo.svc/root/pypi/+simple/' },
    ]);
  });

  it('re-reads and explains a failed guard instead of forcing the write', async () => {
    const bc = buildConfig([]);
    const theirs = buildConfig([{ name: 'DEBUG', value: '1' }]);
    patch.mockRejectedValue({ json: { code: 422, message: 'test operation failed' } });
    sdkDouble.answerK8s('get', () => theirs);
    const close = renderModal(bc);
    await act(() => userEvent.click(screen.getByTestId('pipcache-use-apply')));
    expect(await screen.findByTestId('pipcache-use-notice')).toHaveTextContent(
      'changed while you were looking at it',
    );
    expect(screen.getByTestId('pipcache-env-DEBUG')).toBeInTheDocument();
    expect(close).not.toHaveBeenCalled();
    expect(patch).toHaveBeenCalledTimes(1);
  });

  it('says what happened when the cluster refuses, and keeps the dialog open', async () => {
    patch.mockRejectedValue({ json: { code: 403, message: 'buildconfigs "shop" is forbidden' } });
    const close = renderModal(buildConfig([]));
    await act(() => userEvent.click(screen.getByTestId('pipcache-use-apply')));
    const notice = await screen.findByTestId('pipcache-use-notice');
    expect(notice).toHaveTextContent('BuildConfig shop was not changed.');
    expect(notice).toHaveTextContent('forbidden');
    expect(close).not.toHaveBeenCalled();
  });
});
