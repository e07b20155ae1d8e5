import * as React from 'react';
import { Button } from '@patternfly/react-core';

/** A dialog's main action. */
export interface DialogAction {
  label: string;
  /** May return a promise; the footer does not wait for it (the dialog shows its progress). */
  onClick: () => unknown;
  isDisabled?: boolean;
  isLoading?: boolean;
  'data-test': string;
}

interface DialogFooterProps {
  /** The main action; absent when the dialog offers nothing to do (only closing). */
  action?: DialogAction;
  /** "Cancel" while there is something to cancel, "Close" afterwards. */
  closeLabel: string;
  onClose: () => void;
  closeTest?: string;
}

/**
 * The footer of the plugin's one-action dialogs, as PatternFly lays it out: the primary action
 * first, then the link that closes the dialog.
 */
const DialogFooter: React.FC<DialogFooterProps> = ({ action, closeLabel, onClose, closeTest }) => (
  <>
    {action && (
      <Button
        variant="primary"
        onClick={() => void action.onClick()}
        isDisabled={action.isDisabled}
        isLoading={action.isLoading}
        data-test={action['data-test']}
      >
        {action.label}
      </Button>
    )}
    <Button variant="link" onClick={onClose} data-test={closeTest}>
      {closeLabel}
    </Button>
  </>
);

export default DialogFooter;
