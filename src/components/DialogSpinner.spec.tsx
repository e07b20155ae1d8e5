import * as React from 'react';
import { render, screen } from '@testing-library/react';
import DialogSpinner from './DialogSpinner';

describe('DialogSpinner', () => {
  it('is a progress indicator named by what the dialog waits for, in a block of its own', () => {
    const { container } = render(<DialogSpinner label="Reading the StorageClass" />);
    const spinner = screen.getByRole('progressbar', { name: 'Reading the StorageClass' });
    expect(spinner.parentElement).toBe(container.firstElementChild);
    expect(container.firstElementChild?.tagName).toBe('DIV');
  });
});
