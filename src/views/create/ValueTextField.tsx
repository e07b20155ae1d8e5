import * as React from 'react';
import { TextInput } from '@patternfly/react-core';
import FormField from '../../components/FormField';
import type { PipCacheValues } from '../../model/values';
import type { FormBinding } from './form-binding';

interface ValueTextFieldProps {
  binding: FormBinding;
  /** The value's path, such as `storage.size`: names the error and gives the input its id. */
  field: string;
  label: string;
  value: string;
  /** The values with this field set to what was typed. */
  update: (values: PipCacheValues, typed: string) => PipCacheValues;
  help?: string;
  isRequired?: boolean;
  type?: 'text' | 'password';
  isReadOnly?: boolean;
}

/** One text field of the create form, its error shown under it as soon as it is edited. */
const ValueTextField: React.FC<ValueTextFieldProps> = ({
  binding,
  field,
  label,
  value,
  update,
  help,
  isRequired,
  type = 'text',
  isReadOnly,
}) => {
  const id = `pipcache-${field.replace(/\./g, '-')}`;
  const error = binding.shown(field);
  return (
    <FormField label={label} fieldId={id} help={help} error={error} isRequired={isRequired}>
      <TextInput
        id={id}
        type={type}
        value={value}
        isRequired={isRequired}
        readOnlyVariant={isReadOnly ? 'default' : undefined}
        validated={error ? 'error' : 'default'}
        onChange={(_event, typed) => binding.set((current) => update(current, typed), field)}
        data-test={id}
      />
    </FormField>
  );
};

export default ValueTextField;
