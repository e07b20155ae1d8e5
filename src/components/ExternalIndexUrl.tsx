import * as React from 'react';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';
import { externalUrlProblemText, type CacheInstance } from '../model/living';
import IndexUrl from './IndexUrl';

/** A cache's external index URL, or the reason it has none yet (a Route not admitted, none). */
const ExternalIndexUrl: React.FC<{ instance: CacheInstance }> = ({ instance }) => {
  const { t } = usePipCacheTranslation();
  return instance.externalUrl ? (
    <IndexUrl url={instance.externalUrl} data-test="pipcache-external-url" />
  ) : (
    <span data-test="pipcache-external-url-problem">
      {externalUrlProblemText(instance.externalUrlProblem ?? { reason: 'Pending' }, t)}
    </span>
  );
};

export default ExternalIndexUrl;
