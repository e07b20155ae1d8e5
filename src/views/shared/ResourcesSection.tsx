import * as React from 'react';
import { Alert, List, ListItem } from '@patternfly/react-core';
import { sizingShortfalls } from '../../model/cache';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { FormBinding } from './form-binding';
import FormSectionExpandable from './FormSectionExpandable';
import ValueTextField from './ValueTextField';

/** Memory and CPU requests and limits of the cache pod, with why the defaults are what they are. */
const ResourcesSection: React.FC<{ binding: FormBinding }> = ({ binding }) => {
  const { t } = usePipCacheTranslation();
  // Edit settings says why and offers the recommended sizing in an alert of its own.
  const creating = !binding.editable;
  const shortfalls = creating ? sizingShortfalls(binding.values, t) : [];
  return (
    <FormSectionExpandable
      title={t('Resources')}
      isPlain={!creating}
      data-test="pipcache-section-resources"
    >
      {creating && (
        <p data-test="pipcache-resources-explanation">
          {t(
            'The defaults are sized for the first wave of builds, when every build downloads at once: devpi uses about one core then, and serving a 50 MB wheel to 50 builds at once took it to between 0.85 and 1.35 GiB of memory in measurements. Lower values suit a cache that few builds use.',
          )}
        </p>
      )}
      <ValueTextField
        binding={binding}
        field="resources.memoryRequest"
        help={t('What the scheduler reserves: about what devpi holds while serving a wave.')}
      />
      <ValueTextField
        binding={binding}
        field="resources.memoryLimit"
        help={t(
          'Above this the pod is OOM-killed and restarts, failing the builds it was serving; 1536Mi covers the highest peak measured.',
        )}
      />
      <ValueTextField
        binding={binding}
        field="resources.cpuRequest"
        help={t(
          'On a busy node devpi gets little more than its request; it can use about one core.',
        )}
      />
      <ValueTextField
        binding={binding}
        field="resources.cpuLimit"
        help={t('Empty = no limit. Below 1 core, a wave of builds waits on devpi.')}
      />
      {shortfalls.length > 0 && (
        <Alert
          variant="info"
          isInline
          isPlain
          title={t('Below the sizing for a wave of builds')}
          data-test="pipcache-resources-shortfalls"
        >
          <List>
            {shortfalls.map((shortfall) => (
              <ListItem key={shortfall.field}>{shortfall.message}</ListItem>
            ))}
          </List>
        </Alert>
      )}
    </FormSectionExpandable>
  );
};

export default ResourcesSection;
