import * as React from 'react';
import { Alert } from '@patternfly/react-core';
import FactLine from '../../components/FactLine';
import { useDevpiIndexConfig } from '../../hooks/useDevpiIndexConfig';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { valuesFromObjects, type ProbeOutcome, indexSettingDifferences } from '../../model/living';
import type { Deployment } from '../../model/shared';
import { managedIndexSettings, defaultValues, type PipCacheValues } from '../../model/cache';

interface DevpiIndexSettingsProps {
  namespace: string;
  service: string;
  deployment?: Deployment;
  values?: PipCacheValues;
  probe: ProbeOutcome;
}

/**
 * The settings devpi's `root/pypi` index actually has (asked through the service proxy), and
 * whether they differ from the ones this cache is configured with.
 */
const DevpiIndexSettings: React.FC<DevpiIndexSettingsProps> = ({
  namespace,
  service,
  deployment,
  values,
  probe,
}) => {
  const { t } = usePipCacheTranslation();
  const result = useDevpiIndexConfig(namespace, service, probe.kind === 'answered');
  if (probe.kind !== 'answered' || !result) {
    return (
      <span data-test="pipcache-index-settings-unavailable">{t('Shown once devpi answers.')}</span>
    );
  }
  if (result.kind !== 'answered') {
    return (
      <span data-test="pipcache-index-settings-unavailable">
        {result.kind === 'http-error'
          ? t("devpi's index settings could not be read (HTTP {{status}}): {{message}}", {
              status: result.status,
              message: result.message,
            })
          : t("devpi's index settings could not be read. They are asked again in a minute.")}
      </span>
    );
  }
  const { value: settings } = result;
  const configured = deployment
    ? managedIndexSettings(valuesFromObjects({ deployment }, values ?? defaultValues()).devpi)
    : undefined;
  const differences = configured ? indexSettingDifferences(configured, settings) : [];
  const expiry = settings.mirror_cache_expiry ?? 1800;
  return (
    <>
      <FactLine
        data-test="pipcache-index-settings"
        facts={[
          {
            'data-test': 'pipcache-index-upstream',
            content: t('upstream {{url}}', { url: settings.mirror_url ?? t('(none)') }),
          },
          {
            'data-test': 'pipcache-index-expiry',
            content: t('expiry {{seconds}} s', { seconds: expiry }),
          },
          {
            'data-test': 'pipcache-index-no-project-list',
            content: t('no project list'),
            shown: Boolean(settings.mirror_no_project_list),
          },
        ]}
      />
      {settings.credentialsInUrl && (
        <Alert
          variant="danger"
          isInline
          isPlain
          title={t(
            "devpi's upstream URL holds a user name or password, which devpi shows to everyone who reaches it. This cache was made by an earlier version of the plugin: open Edit settings and save to repair it.",
          )}
          data-test="pipcache-index-credentials-in-url"
        />
      )}
      {differences.length > 0 && (
        <Alert
          variant="warning"
          isInline
          isPlain
          title={t(
            "devpi's index settings differ from this cache's settings ({{keys}}). The pod applies this cache's settings each time it starts: they differ while a change rolls out, or after someone changed devpi directly.",
            { keys: differences.join(', ') },
          )}
          data-test="pipcache-index-settings-differ"
        />
      )}
    </>
  );
};

export default DevpiIndexSettings;
