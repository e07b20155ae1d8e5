import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import DialogFooter from './DialogFooter';

describe('DialogFooter', () => {
  it('runs the main action and closes through the link, in that order', async () => {
    const onClick = jest.fn();
    const onClose = jest.fn();
    render(
      <DialogFooter
        action={{ label: 'Apply', onClick, 'data-test': 'apply' }}
        closeLabel="Cancel"
        onClose={onClose}
        closeTest="cancel"
      />,
    );
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Apply', 'Cancel']);
    await userEvent.click(screen.getByTestId('apply'));
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('cancel'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('does not run a disabled action', async () => {
    const onClick = jest.fn();
    render(
      <DialogFooter
        action={{ label: 'Save', onClick, isDisabled: true, 'data-test': 'save' }}
        closeLabel="Cancel"
        onClose={jest.fn()}
      />,
    );
    expect(screen.getByTestId('save')).toBeDisabled();
    await userEvent.click(screen.getByTestId('save'));
    expect(onClick).not.toHaveBeenCalled();
  });

  it('offers only closing when there is no action', () => {
    render(<DialogFooter closeLabel="Close" onClose={jest.fn()} />);
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Close']);
  });
});
