import * as React from 'react';
import { render } from '@testing-library/react';
import { CubesIcon } from '@patternfly/react-icons';
import PipCacheIcon from './PipCacheIcon';

describe('PipCacheIcon', () => {
  it('draws the very SVG PatternFly’s CubesIcon draws, hidden from screen readers', () => {
    const ours = render(<PipCacheIcon />).container.innerHTML;
    const patternfly = render(<CubesIcon />).container.innerHTML;
    expect(ours).toBe(patternfly);
    expect(ours).toContain('aria-hidden="true"');
  });
});
