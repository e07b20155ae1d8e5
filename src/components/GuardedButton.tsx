import * as React from 'react';
import { Button, Tooltip, type ButtonProps } from '@patternfly/react-core';

type GuardedButtonProps = Omit<ButtonProps, 'isAriaDisabled' | 'isDisabled'> & {
  /** Whether the user may do what the button does. */
  allowed: boolean;
  /** Why not, shown in a tooltip: the button stays focusable so that keyboard users can read it. */
  reason: string;
};

/** A button that, when its action is not allowed, stays focusable and says why. */
const GuardedButton: React.FC<GuardedButtonProps> = ({ allowed, reason, children, ...props }) => {
  const button = (
    <Button {...props} isAriaDisabled={!allowed || props.isLoading}>
      {children}
    </Button>
  );
  return allowed ? button : <Tooltip content={reason}>{button}</Tooltip>;
};

export default GuardedButton;
