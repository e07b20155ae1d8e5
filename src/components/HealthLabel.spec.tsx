import * as React from 'react';
import { render, screen } from '@testing-library/react';
import type { Health } from '../model/living';
import HealthLabel from './HealthLabel';

const health = (status: Health['status'], severity: Health['severity'], sentence: string) =>
  ({ status, severity, sentence }) as Health;

describe('HealthLabel', () => {
  it('announces a change of status, but not a new sentence with the same status', () => {
    const { rerender } = render(
      <HealthLabel health={health('building', 'info', 'Building: step 1.')} announce />,
    );
    const region = screen.getByRole('status');
    expect(region).toHaveTextContent('Status: Building');
    rerender(<HealthLabel health={health('building', 'info', 'Building: step 2.')} announce />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Status: Building');
    rerender(
      <HealthLabel health={health('ready', 'success', 'Ready — answered in 9 ms.')} announce />,
    );
    expect(region).toHaveTextContent('Status: Ready');
  });

  it('announces nothing where many labels stand together, as in a list', () => {
    render(<HealthLabel health={health('ready', 'success', 'Ready.')} />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByTestId('pipcache-status')).toHaveTextContent('Ready');
  });
});
