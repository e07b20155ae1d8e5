import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CacheInstance } from '../../model/living';
import { launchModal, sdkDouble, useAccessReview } from '../../test-support/console-sdk-double';
import CacheRowActions from './CacheRowActions';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);
// The dialog's code cannot be fetched, as when the plugin was updated under an open page.
jest.mock('../shared/DeleteCacheModal', () => {
  throw new Error('Loading chunk 412 failed');
});

const cache = { name: 'alpha', namespace: 'demo' } as CacheInstance;

describe('CacheRowActions', () => {
  it('says so where the user acted when a dialog cannot be loaded, and opens nothing', async () => {
    render(<CacheRowActions cache={cache} />);
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Actions for alpha' })));
    await act(() => userEvent.click(screen.getByRole('menuitem', { name: 'Delete pip cache' })));
    expect(await screen.findByTestId('pipcache-row-actions-error')).toHaveTextContent(
      'The dialog could not be loaded (Loading chunk 412 failed). Reload the page and try again.',
    );
    expect(launchModal).not.toHaveBeenCalled();
  });

  it('asks what the user may do only when the menu opens, and disables what they may not', async () => {
    sdkDouble.setAccess(({ verb }) => [verb === 'patch', false]);
    render(<CacheRowActions cache={cache} />);
    expect(useAccessReview).not.toHaveBeenCalled();
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Actions for alpha' })));
    expect(useAccessReview).toHaveBeenCalledWith(
      expect.objectContaining({ verb: 'delete', resource: 'deployments', namespace: 'demo' }),
    );
    const remove = screen.getByRole('menuitem', { name: 'Delete pip cache' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: 'Use in builds…' })).not.toHaveAttribute(
      'aria-disabled',
    );
    await act(() => userEvent.click(remove));
    // Nothing ran: the menu is still open, and no dialog was asked for or failed to load.
    expect(screen.getByRole('menuitem', { name: 'Delete pip cache' })).toBeInTheDocument();
    expect(screen.queryByTestId('pipcache-row-actions-error')).toBeNull();
    expect(launchModal).not.toHaveBeenCalled();
    await act(() => userEvent.hover(remove));
    expect(
      await screen.findByText('You may not delete pip caches in project demo.'),
    ).toBeInTheDocument();
  });
});
