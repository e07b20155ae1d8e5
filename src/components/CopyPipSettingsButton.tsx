import * as React from 'react';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';
import type { CacheInstance } from '../model/living';
import { clientSnippet } from '../model/builds';
import CopyButton from './CopyButton';

/** Copies the pip settings that builds in the cluster use to reach a cache (its internal URL). */
const CopyPipSettingsButton: React.FC<{ instance: CacheInstance }> = ({ instance }) => {
  const { t } = usePipCacheTranslation();
  return (
    <CopyButton
      text={clientSnippet('pip-env', instance.internalUrl)}
      label={t('Copy pip settings for builds in the cluster ({{name}})', { name: instance.name })}
      data-test="pipcache-copy-pip"
    />
  );
};

export default CopyPipSettingsButton;
