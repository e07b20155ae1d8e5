import * as React from 'react';
import { Alert, List, ListItem } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';
import type { RecordProblem } from '../model/shared';

interface DamagedRecordAlertProps {
  /** What the record is, as a sentence: "The record of an earlier emptying is damaged". */
  title: string;
  problems: readonly RecordProblem[];
  /** What the plugin does instead, and the safe way out. */
  children?: React.ReactNode;
  'data-test'?: string;
}

/**
 * A record read from an annotation that its schema refused: what was wrong, field by field,
 * and what the plugin does instead. The recorded text itself is never shown or used.
 */
const DamagedRecordAlert: React.FC<DamagedRecordAlertProps> = ({
  title,
  problems,
  children,
  'data-test': dataTest = 'pipcache-damaged-record',
}) => {
  const { t } = usePipCacheTranslation();
  const reasons: Record<RecordProblem['reason'], string> = {
    json: t('is not valid JSON'),
    type: t('has the wrong type'),
    unknown: t('is not a field of this record'),
    missing: t('is missing'),
    size: t('is too large'),
    value: t('holds a value that is not allowed'),
  };
  return (
    <Alert isInline variant="danger" title={title} data-test={dataTest}>
      <List data-test="pipcache-damaged-problems">
        {problems.map((problem) => (
          <ListItem key={`${problem.path}:${problem.reason}`}>
            {t('{{field}} {{reason}}', {
              field: problem.path ? problem.path : t('The record'),
              reason: reasons[problem.reason],
            })}
          </ListItem>
        ))}
      </List>
      {children}
    </Alert>
  );
};

export default DamagedRecordAlert;
