import * as React from 'react';
import { Label, Tooltip } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';
import type { Health, HealthStatus } from '../model/living';

const COLORS: Record<Health['severity'], 'green' | 'blue' | 'orange' | 'red' | 'grey'> = {
  success: 'green',
  info: 'blue',
  warning: 'orange',
  danger: 'red',
  custom: 'grey',
};

/**
 * A cache's status as a coloured label; the full sentence is in its tooltip and for screen
 * readers. With `announce`, a change of status (not of its sentence, which holds timings that
 * change on every probe) is also read out as it happens.
 */
const HealthLabel: React.FC<{ health: Health; announce?: boolean }> = ({ health, announce }) => {
  const { t } = usePipCacheTranslation();
  const titles: Record<HealthStatus, string> = {
    ready: t('Ready'),
    building: t('Building'),
    starting: t('Starting'),
    degraded: t('Degraded'),
    failed: t('Failed'),
    unreachable: t('Unreachable'),
    'scaled-down': t('Scaled to zero'),
  };
  const label = (
    <Tooltip content={health.sentence}>
      <Label
        color={COLORS[health.severity]}
        data-test="pipcache-status"
        data-status={health.status}
        tabIndex={0}
      >
        {titles[health.status]}
        <span className="pf-v6-screen-reader">{` ${health.sentence}`}</span>
      </Label>
    </Tooltip>
  );
  if (!announce) return label;
  return (
    <>
      {label}
      <span className="pf-v6-screen-reader" role="status" data-test="pipcache-status-announcement">
        {t('Status: {{status}}', { status: titles[health.status] })}
      </span>
    </>
  );
};

export default HealthLabel;
