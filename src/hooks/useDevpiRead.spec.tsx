import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { useDevpiRead } from './useDevpiRead';

const read = jest.fn<Promise<string>, [string, string]>();

/** Shows what the hook answers, as a page would. */
const Probe: React.FC<{ enabled: boolean }> = ({ enabled }) => (
  <span data-test="answer">{useDevpiRead(read, 'demo', 'pipcache', enabled) ?? 'none'}</span>
);

/** Lets the awaited read and the state update after it run. */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });

describe('useDevpiRead', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    read.mockReset();
  });
  afterEach(() => jest.useRealTimers());

  it('reads nothing while disabled, then at once and every minute, and stops on unmount', async () => {
    let answer = 0;
    read.mockImplementation(() => Promise.resolve(`answer ${(answer += 1)}`));
    const view = render(<Probe enabled={false} />);
    await settle();
    expect(read).not.toHaveBeenCalled();
    expect(screen.getByTestId('answer')).toHaveTextContent('none');

    view.rerender(<Probe enabled />);
    await settle();
    expect(read).toHaveBeenCalledWith('demo', 'pipcache');
    expect(screen.getByTestId('answer')).toHaveTextContent('answer 1');

    act(() => {
      jest.advanceTimersByTime(59_999);
    });
    await settle();
    expect(read).toHaveBeenCalledTimes(1);
    act(() => {
      jest.advanceTimersByTime(1);
    });
    await settle();
    expect(screen.getByTestId('answer')).toHaveTextContent('answer 2');

    view.unmount();
    jest.advanceTimersByTime(120_000);
    await Promise.resolve();
    expect(read).toHaveBeenCalledTimes(2);
  });
});
