import * as React from 'react';
import { Alert, List, ListItem } from '@patternfly/react-core';
import { Link } from 'react-router-dom-v5-compat';
import { useTemplateCaches } from '../../hooks/useTemplateCaches';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { createPagePath } from '../../model/shared';
import { templateCacheAdvice } from '../../model/migration';

/**
 * Caches made by the original pipcache templates, shown above the list so that their owners
 * learn why to replace them, with a link to the migration (prefilled from their objects); the
 * plugin never changes them without the user's say.
 */
const TemplateCachesAlert: React.FC<{ namespace: string | undefined }> = ({ namespace }) => {
  const { t } = usePipCacheTranslation();
  const caches = useTemplateCaches(namespace);
  if (caches.length === 0) return null;
  return (
    <Alert
      isInline
      variant="info"
      title={t('Made by the original templates')}
      data-test="pipcache-template-caches"
    >
      <List>
        {caches.map((cache) => (
          <ListItem
            key={`${cache.namespace}/${cache.name}`}
            data-test={`pipcache-template-${cache.name}`}
          >
            <strong>
              {t('{{name}} in project {{namespace}}', {
                name: cache.name,
                namespace: cache.namespace,
              })}
            </strong>
            {': '}
            {cache.migrating
              ? t(
                  'Its replacement by a pip cache was started and stopped half way; the old cache is not deleted until the new one is ready.',
                )
              : templateCacheAdvice(cache, t)}{' '}
            <Link
              to={`${createPagePath(cache.namespace)}?migrate=${encodeURIComponent(cache.name)}`}
              data-test={`pipcache-migrate-${cache.name}`}
            >
              {cache.migrating ? t('Finish the migration') : t('Replace it with a pip cache')}
            </Link>
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};

export default TemplateCachesAlert;
