import * as React from 'react';
import { Alert, AlertActionLink, List, ListItem } from '@patternfly/react-core';
import type { CreateReport, ObjectFate } from '../../api/create-objects';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';

/** What happened to each object of a failed submit, and what to do next. */
const CreateReportAlert: React.FC<{ report: CreateReport; onRetryRemoval: () => void }> = ({
  report,
  onRetryRemoval,
}) => {
  const { t } = usePipCacheTranslation();
  const fateText = (fate: ObjectFate): string => {
    switch (fate.state) {
      case 'dry-run-passed':
        return t('passed the dry run');
      case 'dry-run-failed':
        return t('refused in the dry run: {{message}}', { message: fate.error.message });
      case 'not-attempted':
        return t('not created');
      case 'created':
        return t('created');
      case 'create-failed':
        return t('refused: {{message}}', { message: fate.error.message });
      case 'removed':
        return t('created, then removed again');
      case 'removal-failed':
        return t('created, and could not be removed: {{message}}', { message: fate.error.message });
    }
  };
  const titles: Record<Exclude<CreateReport['outcome'], 'created'>, string> = {
    'dry-run-failed': t('The cluster refused the cache in a dry run; nothing was created.'),
    'rolled-back': t(
      'Creating the cache failed; everything this attempt created was removed again.',
    ),
    'rollback-incomplete': t('Creating the cache failed, and some objects could not be removed.'),
  };
  if (report.outcome === 'created') return null;
  return (
    <Alert
      variant="danger"
      isInline
      title={titles[report.outcome]}
      data-test="pipcache-create-report"
      actionLinks={
        report.outcome === 'rollback-incomplete' ? (
          <AlertActionLink onClick={onRetryRemoval} data-test="pipcache-retry-removal">
            {t('Try removing them again')}
          </AlertActionLink>
        ) : undefined
      }
    >
      <List>
        {report.objects.map((object) => (
          <ListItem key={`${object.kind}/${object.name}`} data-test="pipcache-create-report-object">
            {t('{{kind}} {{name}}: {{fate}}', {
              kind: object.kind,
              name: object.name,
              fate: fateText(object.fate),
            })}
          </ListItem>
        ))}
      </List>
      <p>
        {report.outcome === 'dry-run-failed'
          ? t('Correct what the cluster refused and create again.')
          : t(
              'Your values are kept: check the reason above, change what it names, and create again.',
            )}
      </p>
    </Alert>
  );
};

export default CreateReportAlert;
