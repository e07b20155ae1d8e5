import * as React from 'react';
import { Alert, List, ListItem } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { type ClaimPlan, type TemplateObjects, migrationPlan } from '../../model/migration';
import type { PipCacheValues } from '../../model/cache';

/** What migrating a template-made cache will do, step by step, above the form. */
const MigrationPlanAlert: React.FC<{
  objects: TemplateObjects;
  values: PipCacheValues;
  claim: ClaimPlan;
  resuming: boolean;
}> = ({ objects, values, claim, resuming }) => {
  const { t } = usePipCacheTranslation();
  return (
    <Alert
      isInline
      variant={resuming ? 'warning' : 'info'}
      title={
        resuming
          ? t('The migration of {{name}} stopped half way', { name: values.name })
          : t('Replacing {{name}}, made by the original templates', { name: values.name })
      }
      data-test="pipcache-migration-plan"
    >
      {resuming && (
        <p>
          {t(
            'It was started with the settings recorded on the old DeploymentConfig. Finish it to get a working cache; nothing of the old one is deleted before the new one is ready.',
          )}
        </p>
      )}
      <List>
        {migrationPlan(objects, values, claim, t).map((line) => (
          <ListItem key={line}>{line}</ListItem>
        ))}
      </List>
    </Alert>
  );
};

export default MigrationPlanAlert;
