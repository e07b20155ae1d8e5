import * as React from 'react';
import { Form, type FormProps } from '@patternfly/react-core';

interface SubmitFormProps extends Omit<FormProps, 'onSubmit'> {
  /** Runs when the form is submitted (Enter in a field); may return a promise, not awaited. */
  onSubmit: () => unknown;
}

/**
 * A PatternFly form whose submission runs the dialog's or page's own action instead of the
 * browser's page load, so that Enter in a field does what the primary button does.
 */
const SubmitForm: React.FC<SubmitFormProps> = ({ onSubmit, children, ...props }) => (
  <Form
    {...props}
    onSubmit={(event) => {
      event.preventDefault();
      void onSubmit();
    }}
  >
    {children}
  </Form>
);

export default SubmitForm;
