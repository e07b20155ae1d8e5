import * as React from 'react';
import {
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
} from '@patternfly/react-core';
import { CubesIcon } from '@patternfly/react-icons';
import LinkButton from '../../components/LinkButton';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { createPagePath } from '../../model/shared';

interface CacheEmptyStateProps {
  /** The project shown, or undefined for all projects (then there is no Create button). */
  namespace: string | undefined;
}

/** What the list shows when there is no cache yet: why one helps, and how to make one. */
const CacheEmptyState: React.FC<CacheEmptyStateProps> = ({ namespace }) => {
  const { t } = usePipCacheTranslation();
  return (
    <EmptyState
      titleText={namespace ? t('No pip caches in this project') : t('No pip caches')}
      headingLevel="h2"
      icon={CubesIcon}
      data-test="pipcache-empty-state"
    >
      <EmptyStateBody>
        {t(
          'A pip cache runs devpi-server in your project as a caching mirror of PyPI, so that Python builds download each package once instead of on every build.',
        )}
      </EmptyStateBody>
      {namespace && (
        <EmptyStateFooter>
          <EmptyStateActions>
            <LinkButton
              variant="primary"
              to={createPagePath(namespace)}
              data-test="pipcache-empty-create"
            >
              {t('Create pip cache')}
            </LinkButton>
          </EmptyStateActions>
        </EmptyStateFooter>
      )}
    </EmptyState>
  );
};

export default CacheEmptyState;
