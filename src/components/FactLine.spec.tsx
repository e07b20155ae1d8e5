import * as React from 'react';
import { render, screen } from '@testing-library/react';
import FactLine from './FactLine';

describe('FactLine', () => {
  it('separates the shown facts by a middle dot and leaves out the others with their separator', () => {
    render(
      <FactLine
        data-test="line"
        facts={[
          { 'data-test': 'a', content: 'upstream x' },
          { 'data-test': 'b', content: 'not shown', shown: false },
          { 'data-test': 'c', content: 'expiry 5 s' },
        ]}
      />,
    );
    expect(screen.getByTestId('line')).toHaveTextContent(/^upstream x · expiry 5 s$/);
    expect(screen.getByTestId('c')).toHaveTextContent('expiry 5 s');
    expect(screen.queryByTestId('b')).toBeNull();
  });
});
