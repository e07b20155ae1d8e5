import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CacheInstance } from '../../model/instance';
import { useModal } from '../../sdk/console-sdk';
import CacheRowActions from './CacheRowActions';

jest.mock('../../sdk/console-sdk', () => ({ useModal: jest.fn() }));
// The dialog's code cannot be fetched, as when the plugin was updated under an open page.
jest.mock('../details/DeleteCacheModal', () => {
  throw new Error('Loading chunk 412 failed');
});

const cache = { name: 'alpha', namespace: 'demo' } as CacheInstance;

describe('CacheRowActions', () => {
  it('says so where the user acted when a dialog cannot be loaded, and opens nothing', async () => {
    const launchModal = jest.fn();
    (useModal as jest.MockedFunction<typeof useModal>).mockReturnValue(launchModal);
    render(<CacheRowActions cache={cache} />);
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Actions for alpha' })));
    await act(() => userEvent.click(screen.getByRole('menuitem', { name: 'Delete pip cache' })));
    expect(await screen.findByTestId('pipcache-row-actions-error')).toHaveTextContent(
      'The dialog could not be loaded (Loading chunk 412 failed). Reload the page and try again.',
    );
    expect(launchModal).not.toHaveBeenCalled();
  });
});
