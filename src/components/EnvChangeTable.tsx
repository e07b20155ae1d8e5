import * as React from 'react';
import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';
import type { EnvChange } from '../model/builds';

/** The environment of a build before and after a change, one row per variable. */
const EnvChangeTable: React.FC<{ changes: EnvChange[]; caption: string; 'data-test'?: string }> = ({
  changes,
  caption,
  'data-test': dataTest,
}) => {
  const { t } = usePipCacheTranslation();
  const labels: Record<
    EnvChange['change'],
    { text: string; color: 'green' | 'blue' | 'red' | 'grey' }
  > = {
    added: { text: t('Added'), color: 'green' },
    replaced: { text: t('Replaced'), color: 'blue' },
    removed: { text: t('Removed'), color: 'red' },
    kept: { text: t('Unchanged'), color: 'grey' },
  };
  return (
    <Table aria-label={caption} variant="compact" data-test={dataTest ?? 'pipcache-env-changes'}>
      <Thead>
        <Tr>
          <Th>{t('Variable')}</Th>
          <Th>{t('Now')}</Th>
          <Th>{t('After')}</Th>
          <Th>{t('Change')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {changes.map((row) => (
          <Tr key={row.name} data-test={`pipcache-env-${row.name}`} data-change={row.change}>
            <Td dataLabel={t('Variable')}>
              <code>{row.name}</code>
            </Td>
            <Td dataLabel={t('Now')} modifier="breakWord">
              {row.before ?? '—'}
            </Td>
            <Td dataLabel={t('After')} modifier="breakWord">
              {row.after ?? '—'}
            </Td>
            <Td dataLabel={t('Change')}>
              <Label isCompact color={labels[row.change].color}>
                {labels[row.change].text}
              </Label>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export default EnvChangeTable;
