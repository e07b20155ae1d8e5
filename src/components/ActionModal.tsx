import * as React from 'react';
import { Modal, ModalBody, ModalFooter, ModalHeader, Stack } from '@patternfly/react-core';

interface ActionModalProps {
  /** The dialog's `data-test`; its title and description ids are derived from it. */
  'data-test': string;
  title: string;
  /** Read out with the title when the dialog opens. */
  description?: string;
  titleIconVariant?: 'warning' | 'danger';
  variant?: 'small' | 'medium' | 'large';
  /** Undefined while the dialog must not be closed (a run under way). */
  onClose?: () => void;
  footer: React.ReactNode;
  children: React.ReactNode;
}

/**
 * A PatternFly dialog with the plugin's conventions in one place: labelled by its title and
 * described by its description for screen readers, a body, and a footer of actions. The body's
 * parts (alerts, lists, fields, confirmations) stand in a stack with PatternFly's gutter, so that
 * no dialog runs a list into the checkbox below it.
 */
const ActionModal: React.FC<ActionModalProps> = ({
  'data-test': dataTest,
  title,
  description,
  titleIconVariant,
  variant = 'small',
  onClose,
  footer,
  children,
}) => {
  const labelId = `${dataTest}-title`;
  const descriptorId = `${dataTest}-description`;
  return (
    <Modal
      variant={variant}
      isOpen
      onClose={onClose}
      aria-labelledby={labelId}
      aria-describedby={description ? descriptorId : undefined}
      data-test={dataTest}
    >
      <ModalHeader
        title={title}
        titleIconVariant={titleIconVariant}
        labelId={labelId}
        description={description}
        descriptorId={description ? descriptorId : undefined}
      />
      <ModalBody>
        <Stack hasGutter>{children}</Stack>
      </ModalBody>
      <ModalFooter>{footer}</ModalFooter>
    </Modal>
  );
};

export default ActionModal;
