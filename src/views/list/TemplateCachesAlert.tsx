import * as React from 'react';
import { Alert, List, ListItem } from '@patternfly/react-core';
import { Link } from 'react-router-dom-v5-compat';
import { useTemplateCaches } from '../../hooks/useTemplateCaches';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { createPagePath } from '../../model/namespaces';
import { templateCacheAdvice } from '../../model/template-caches';

/**
 * Caches made by the original pipcache templates, shown above the list so that their owners
 * learn why to replace them; the plugin never changes them on its own.
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
            {templateCacheAdvice(cache, t)}{' '}
            <Link to={createPagePath(cache.namespace)}>{t('Create a pip cache')}</Link>
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};

export default TemplateCachesAlert;
