import * as React from 'react';
import { render, screen } from '@testing-library/react';
import ActionModal from './ActionModal';

describe('ActionModal', () => {
  it('is a dialog named by its title and described by its description', () => {
    render(
      <ActionModal
        data-test="pipcache-x-modal"
        title="Empty pip cache demo?"
        description="Every cached package is removed."
        onClose={() => undefined}
        footer={<button type="button">Empty</button>}
      >
        <p>Steps</p>
      </ActionModal>,
    );
    const dialog = screen.getByRole('dialog', { name: /Empty pip cache demo\?/ });
    expect(dialog).toHaveAccessibleDescription('Every cached package is removed.');
    expect(dialog).toHaveAttribute('data-test', 'pipcache-x-modal');
    expect(screen.getByRole('button', { name: 'Empty' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('has no close button while it may not be closed, and no description it lacks', () => {
    render(
      <ActionModal data-test="pipcache-y-modal" title="Emptying" footer={null}>
        {/* PatternFly's focus trap needs something to focus in the dialog. */}
        <a href="#steps">Steps</a>
      </ActionModal>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Emptying' });
    expect(dialog).not.toHaveAttribute('aria-describedby');
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
  });
});
