import * as React from 'react';
import {
  Button,
  Flex,
  FlexItem,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';
import type { KeyValue } from '../model/cache';

interface KeyValueEditorProps {
  id: string;
  rows: KeyValue[];
  onChange: (rows: KeyValue[]) => void;
  /** Messages by field path `<prefix>.<index>.key|value`. */
  errors: Record<string, string>;
  prefix: string;
  addLabel: string;
  /**
   * Accessible names of a row's controls, for a form with several editors ("Key 1 of the
   * build's node selector"); by default "Key 1", "Value 1", "Remove row 1".
   */
  rowLabels?: {
    key: (number: number) => string;
    value: (number: number) => string;
    remove: (number: number) => string;
  };
}

/** Rows of key and value inputs with add and remove buttons, each input with its own error. */
const KeyValueEditor: React.FC<KeyValueEditorProps> = ({
  id,
  rows,
  onChange,
  errors,
  prefix,
  addLabel,
  rowLabels,
}) => {
  const { t } = usePipCacheTranslation();
  const labels = rowLabels ?? {
    key: (number: number) => t('Key {{number}}', { number }),
    value: (number: number) => t('Value {{number}}', { number }),
    remove: (number: number) => t('Remove row {{number}}', { number }),
  };
  const update = (index: number, change: Partial<KeyValue>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <div data-test={`${id}-editor`}>
      {rows.map((row, index) => {
        const keyError = errors[`${prefix}.${index}.key`];
        const valueError = errors[`${prefix}.${index}.value`];
        return (
          <Flex key={index} alignItems={{ default: 'alignItemsFlexStart' }}>
            <FlexItem flex={{ default: 'flex_1' }}>
              <TextInput
                id={`${id}-${index}-key`}
                aria-label={labels.key(index + 1)}
                placeholder={t('key')}
                value={row.key}
                validated={keyError ? 'error' : 'default'}
                onChange={(_event, value) => update(index, { key: value })}
                data-test={`${id}-key-${index}`}
              />
              {keyError && (
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem variant="error">{keyError}</HelperTextItem>
                  </HelperText>
                </FormHelperText>
              )}
            </FlexItem>
            <FlexItem flex={{ default: 'flex_1' }}>
              <TextInput
                id={`${id}-${index}-value`}
                aria-label={labels.value(index + 1)}
                placeholder={t('value')}
                value={row.value}
                validated={valueError ? 'error' : 'default'}
                onChange={(_event, value) => update(index, { value })}
                data-test={`${id}-value-${index}`}
              />
              {valueError && (
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem variant="error">{valueError}</HelperTextItem>
                  </HelperText>
                </FormHelperText>
              )}
            </FlexItem>
            <FlexItem>
              <Button
                variant="link"
                isDanger
                aria-label={labels.remove(index + 1)}
                onClick={() => onChange(rows.filter((_row, i) => i !== index))}
              >
                {t('Remove')}
              </Button>
            </FlexItem>
          </Flex>
        );
      })}
      <Button
        variant="link"
        onClick={() => onChange([...rows, { key: '', value: '' }])}
        data-test={`${id}-add`}
      >
        {addLabel}
      </Button>
    </div>
  );
};

export default KeyValueEditor;
