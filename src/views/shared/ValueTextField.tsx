import * as React from 'react';
import { TextInput } from '@patternfly/react-core';
import FormField from '../../components/FormField';
import { textAt, withText, type TextPath } from '../../model/cache';
import { controlId, showsField, type FormBinding } from './form-binding';
import { useFieldLabels } from './useFieldLabels';

interface ValueTextFieldProps {
  binding: FormBinding;
  /** The value's path, such as `storage.size`: names the label, the error and the input's id. */
  field: TextPath;
  help?: string;
  isRequired?: boolean;
  type?: 'text' | 'password';
  isReadOnly?: boolean;
}

/**
 * One text field of the form, its label from the shared table and its error shown under it as
 * soon as it is edited; nothing when the form (Edit settings) does not show this field.
 */
const ValueTextField: React.FC<ValueTextFieldProps> = ({
  binding,
  field,
  help,
  isRequired,
  type = 'text',
  isReadOnly,
}) => {
  const labels = useFieldLabels();
  if (!showsField(binding, field)) return null;
  const id = controlId(binding, field);
  const error = binding.shown(field);
  return (
    <FormField label={labels[field]} fieldId={id} help={help} error={error} isRequired={isRequired}>
      <TextInput
        id={id}
        type={type}
        value={textAt(binding.values, field)}
        isRequired={isRequired}
        readOnlyVariant={isReadOnly ? 'default' : undefined}
        validated={error ? 'error' : 'default'}
        onChange={(_event, typed) =>
          binding.set((current) => withText(current, field, typed), field)
        }
        data-test={id}
      />
    </FormField>
  );
};

export default ValueTextField;
