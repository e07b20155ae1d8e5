import * as React from 'react';
import { Radio } from '@patternfly/react-core';
import FormField from '../../components/FormField';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { ClaimPlan } from '../../model/migration';

/** What to do with the templates' volume claim when a persistent template cache is migrated. */
const MigrationClaimChoice: React.FC<{
  claimName: string;
  size: string;
  value: ClaimPlan;
  onChange: (plan: ClaimPlan) => void;
}> = ({ claimName, size, value, onChange }) => {
  const { t } = usePipCacheTranslation();
  const choices: { plan: ClaimPlan; label: string; description: string }[] = [
    {
      plan: 'replace',
      label: t('A new, empty volume'),
      description: t(
        'The claim {{claim}} is deleted once the old pod has stopped, and a new one of the size below is created.',
        { claim: claimName },
      ),
    },
    {
      plan: 'keep',
      label: t('Keep the volume claim {{claim}} ({{size}})', { claim: claimName, size }),
      description: t(
        'Its size and storage class stay. To make it larger, expand it on the cache page after the migration.',
      ),
    },
    {
      plan: 'drop',
      label: t('Ephemeral'),
      description: t('Lost when the pod restarts; the claim {{claim}} is deleted at the end.', {
        claim: claimName,
      }),
    },
  ];
  return (
    <FormField label={t('Storage')} fieldId="pipcache-migration-claim">
      {choices.map((choice) => (
        <Radio
          key={choice.plan}
          id={`pipcache-migration-claim-${choice.plan}`}
          name="migration-claim"
          label={choice.label}
          description={choice.description}
          isChecked={value === choice.plan}
          onChange={() => onChange(choice.plan)}
          data-test={`pipcache-migration-claim-${choice.plan}`}
        />
      ))}
    </FormField>
  );
};

export default MigrationClaimChoice;
