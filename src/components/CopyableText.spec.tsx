import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CopyableText from './CopyableText';

describe('CopyableText', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => ((written = [...written, text]), Promise.resolve()) },
    });
  });

  it('puts exactly the shown text on the clipboard and announces it', async () => {
    render(<CopyableText text="https://x.example/root/pypi/+simple/" label="PIP_INDEX_URL" />);
    expect(screen.getByRole('textbox', { name: 'PIP_INDEX_URL' })).toHaveValue(
      'https://x.example/root/pypi/+simple/',
    );
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Copy PIP_INDEX_URL' })));
    expect(written).toEqual(['https://x.example/root/pypi/+simple/']);
    expect(screen.getByTestId('copy-announcement')).toHaveTextContent(
      'Copied PIP_INDEX_URL to the clipboard.',
    );
  });

  it('copies several lines together, as shown', async () => {
    const text = 'PIP_INDEX_URL=http://c.demo.svc/root/pypi/+simple/\nPIP_TRUSTED_HOST=c.demo.svc';
    render(<CopyableText text={text} label="pip environment" />);
    await act(() => userEvent.click(screen.getByRole('button', { name: /^Copy/ })));
    expect(written).toEqual([text]);
  });

  it('works from the keyboard alone', async () => {
    render(<CopyableText text="abc" label="value" />);
    await act(() => userEvent.tab());
    await act(() => userEvent.tab());
    expect(screen.getByRole('button', { name: /^Copy/ })).toHaveFocus();
    await act(async () => {
      await userEvent.keyboard('{Enter}');
    });
    expect(written).toEqual(['abc']);
  });

  it('tells the user to copy by hand when the browser refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
    render(<CopyableText text="abc" label="value" />);
    await act(() => userEvent.click(screen.getByRole('button', { name: /^Copy/ })));
    expect(screen.getByTestId('copy-announcement')).toHaveTextContent(/copy it by hand/);
  });
});
