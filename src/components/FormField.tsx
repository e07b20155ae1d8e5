import * as React from 'react';
import { FormGroup, FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';

interface FormFieldProps {
  label: string;
  fieldId: string;
  help?: string;
  /** A help that warns of a consequence of the value, without being an error. */
  helpVariant?: 'default' | 'warning';
  error?: string;
  isRequired?: boolean;
  children: React.ReactNode;
}

/** A labelled form group whose helper text turns into the field's error where it was typed. */
const FormField: React.FC<FormFieldProps> = ({
  label,
  fieldId,
  help,
  helpVariant = 'default',
  error,
  isRequired,
  children,
}) => (
  <FormGroup label={label} fieldId={fieldId} isRequired={isRequired}>
    {children}
    {(error ?? help) && (
      <FormHelperText>
        <HelperText>
          <HelperTextItem
            variant={error ? 'error' : helpVariant}
            data-test={error ? `${fieldId}-error` : `${fieldId}-help`}
          >
            {error ?? help}
          </HelperTextItem>
        </HelperText>
      </FormHelperText>
    )}
  </FormGroup>
);

export default FormField;
