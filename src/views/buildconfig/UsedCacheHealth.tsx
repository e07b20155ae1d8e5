import * as React from 'react';
import HealthLabel from '../../components/HealthLabel';
import { useCacheInstances } from '../../hooks/useCacheInstances';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { cacheHealth } from '../../model/living';

/** The readiness-based health of the cache a BuildConfig uses, or why it cannot be seen. */
const UsedCacheHealth: React.FC<{ namespace: string; name: string }> = ({ namespace, name }) => {
  const { t } = usePipCacheTranslation();
  const { instances, loaded, loadError } = useCacheInstances(namespace, name);
  const instance = instances[0];
  if (instance)
    return <HealthLabel health={cacheHealth(instance, { kind: 'skipped', why: 'not-yet' }, t)} />;
  if (!loaded && !loadError) return null;
  return (
    <span data-test="pipcache-bc-cache-missing">
      {t(
        'This cache no longer exists, or you may not see it. Stop using it to restore the settings the builds had before.',
      )}
    </span>
  );
};

export default UsedCacheHealth;
