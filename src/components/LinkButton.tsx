import * as React from 'react';
import { Button, type ButtonProps } from '@patternfly/react-core';
import { useHref, useNavigate } from 'react-router-dom-v5-compat';

type LinkButtonProps = Omit<ButtonProps, 'component' | 'href' | 'onClick'> & { to: string };

/**
 * A PatternFly button that is a real link (middle click, copy link address and screen readers
 * all see an anchor) but navigates inside the console without a page load.
 */
const LinkButton: React.FC<LinkButtonProps> = ({ to, ...buttonProps }) => {
  const navigate = useNavigate();
  const href = useHref(to);
  const onClick = (event: React.MouseEvent) => {
    // Let the browser handle new-tab and new-window clicks itself.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return <Button {...buttonProps} component="a" href={href} onClick={onClick} />;
};

export default LinkButton;
