import * as React from 'react';
import { Spinner } from '@patternfly/react-core';

interface DialogSpinnerProps {
  /** What the dialog is waiting for, read out by screen readers. */
  label: string;
}

/**
 * The spinner a dialog shows while it reads what it needs. It stands in a block of its own:
 * as a bare item of the dialog's stack, the turning spinner pokes a pixel or two out of the
 * dialog body, which then scrolls with nothing in it to focus (axe's
 * scrollable-region-focusable); inside a block, its line keeps room for the turn.
 */
const DialogSpinner: React.FC<DialogSpinnerProps> = ({ label }) => (
  <div>
    <Spinner size="lg" aria-label={label} />
  </div>
);

export default DialogSpinner;
