import * as React from 'react';
import FactLine from '../../components/FactLine';
import { useDevpiStatus } from '../../hooks/useDevpiStatus';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { ProbeOutcome } from '../../model/living';
import { Timestamp } from '../../sdk/console-sdk';

interface DevpiStatusFactsProps {
  namespace: string;
  service: string;
  hasService: boolean;
  podReady: boolean;
  probe: ProbeOutcome;
}

/** devpi's own status (version, serial, last change), or why it cannot be shown. */
const DevpiStatusFacts: React.FC<DevpiStatusFactsProps> = ({
  namespace,
  service,
  hasService,
  podReady,
  probe,
}) => {
  const { t } = usePipCacheTranslation();
  const result = useDevpiStatus(namespace, service, hasService && probe.kind === 'answered');

  let why: string | undefined;
  if (!hasService) {
    why = t('The cache has no Service, so devpi cannot be asked for its status.');
  } else if (probe.kind === 'skipped' && probe.why === 'no-access') {
    why = t(
      "devpi's status is read through the service proxy, which you may not use (it needs get on services/proxy in this project). Ask a project admin for the edit role.",
    );
  } else if (!podReady) {
    why = t("devpi's status is shown once its pod is ready.");
  } else if (probe.kind === 'skipped') {
    why = t('Asking devpi…');
  } else if (probe.kind !== 'answered') {
    why = t('devpi did not answer the health check, so its status is unknown.');
  } else if (!result) {
    why = t('Asking devpi…');
  } else if (result.kind === 'http-error') {
    why = t("devpi's status could not be read (HTTP {{status}}): {{message}}", {
      status: result.status,
      message: result.message,
    });
  } else if (result.kind === 'timeout') {
    why = t('devpi did not answer the status request in time. It is asked again in a minute.');
  } else if (result.kind !== 'answered') {
    why = t("The answer to the status request was not devpi's. It is asked again in a minute.");
  }

  if (why || result?.kind !== 'answered') {
    return <span data-test="pipcache-devpi-status-unavailable">{why}</span>;
  }
  const { value: status } = result;
  return (
    <FactLine
      data-test="pipcache-devpi-status"
      facts={[
        {
          'data-test': 'pipcache-devpi-version',
          content: t('devpi-server {{version}}', {
            version: status.version ?? t('(version unknown)'),
          }),
        },
        {
          'data-test': 'pipcache-devpi-serial',
          content: t('serial {{serial}}', { serial: status.serial ?? '?' }),
        },
        {
          'data-test': 'pipcache-devpi-last-commit',
          content: status.lastCommit && (
            <>
              {t('last change')} <Timestamp timestamp={status.lastCommit} />
            </>
          ),
          shown: Boolean(status.lastCommit),
        },
      ]}
    />
  );
};

export default DevpiStatusFacts;
