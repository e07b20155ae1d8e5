import * as React from 'react';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { FieldName } from './form-binding';

/**
 * The label of every field, shared by the create form, the migration form and Edit settings
 * (which also names the fields someone else changed), so that a field is called the same
 * wherever it appears.
 */
export const useFieldLabels = (): Record<FieldName, string> => {
  const { t } = usePipCacheTranslation();
  // Every text field asks for the table: made once per language, not once per field and render.
  return React.useMemo(
    () => ({
      name: t('Name'),
      applicationGroup: t('Application group'),
      'storage.size': t('Size'),
      'storage.storageClass': t('Storage class'),
      'storage.dataPath': t('Data folder'),
      'image.pythonTag': t('Python version'),
      'image.devpiVersion': t('devpi-server version'),
      'image.gitUrl': t('Git repository'),
      'image.gitRef': t('Git reference'),
      'image.contextDir': t('Context folder'),
      'image.reference': t('Image'),
      'resources.memoryRequest': t('Memory request'),
      'resources.memoryLimit': t('Memory limit'),
      'resources.cpuRequest': t('CPU request'),
      'resources.cpuLimit': t('CPU limit'),
      'placement.build': t('Node selector for the image build'),
      'placement.pods': t('Node selector for the cache pod'),
      'route.host': t('Host'),
      'route.insecureEdgeTermination': t(
        'Also serve plain http (otherwise http redirects to https)',
      ),
      'route.allowedCidrs': t('Allowed source addresses'),
      'devpi.upstreamUrl': t('Upstream index URL'),
      'devpi.upstreamUsername': t('Upstream user name'),
      'devpi.upstreamPassword': t('Upstream password'),
      'devpi.cacheExpiry': t('Cache expiry (seconds)'),
      'devpi.requestTimeout': t('Upstream timeout (seconds)'),
      'devpi.offline': t('Offline: serve only what is cached'),
      'network.clientProjects': t('Client projects'),
      'proxy.httpProxy': t('HTTP proxy'),
      'proxy.httpsProxy': t('HTTPS proxy'),
      'proxy.noProxy': t('No proxy for'),
    }),
    [t],
  );
};
