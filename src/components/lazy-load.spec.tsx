import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazyModal, lazyPart } from './lazy-load';

interface DialogProps {
  closeModal: () => void;
  name: string;
}

const Dialog: React.FC<DialogProps> = ({ name }) => <p>Dialog for {name}</p>;

describe('lazyModal', () => {
  it('renders the dialog once its code has loaded, with the props it was launched with', async () => {
    let loads = 0;
    const LazyDialog = lazyModal(() => {
      loads += 1;
      return Promise.resolve({ default: Dialog });
    });
    expect(loads).toBe(0);
    render(<LazyDialog closeModal={() => undefined} name="cache-a" />);
    expect(await screen.findByText('Dialog for cache-a')).toBeInTheDocument();
    expect(loads).toBe(1);
  });

  it('says that the dialog could not be loaded, and closes on request', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const closeModal = jest.fn();
    const LazyDialog = lazyModal<DialogProps>(() =>
      Promise.reject(new Error('Loading chunk 12 failed')),
    );
    render(<LazyDialog closeModal={closeModal} name="cache-a" />);
    const alert = await screen.findByText(
      'The dialog could not be loaded (Loading chunk 12 failed). Reload the page and try again.',
    );
    expect(alert).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /close/i }));
    expect(closeModal).toHaveBeenCalled();
  });
});

describe('lazyPart', () => {
  it('shows a spinner until the part has loaded, then the part', async () => {
    let resolve: (value: { default: React.FC<{ n: number }> }) => void = () => undefined;
    const LazyPart = lazyPart<{ n: number }>(
      () =>
        new Promise((done) => {
          resolve = done;
        }),
    );
    render(<LazyPart n={3} />);
    expect(screen.getByRole('progressbar', { name: 'Loading' })).toBeInTheDocument();
    resolve({ default: ({ n }) => <p>Part {n}</p> });
    expect(await screen.findByText('Part 3')).toBeInTheDocument();
  });

  it('says that the part could not be loaded', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const LazyPart = lazyPart<object>(() => Promise.reject(new Error('offline')));
    render(<LazyPart />);
    expect(
      await screen.findByText(
        'This part of the page could not be loaded (offline). Reload the page and try again.',
      ),
    ).toBeInTheDocument();
  });
});
