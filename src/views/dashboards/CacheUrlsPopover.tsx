import * as React from 'react';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Popover,
} from '@patternfly/react-core';
import { Link } from 'react-router-dom-v5-compat';
import CopyableText from '../../components/CopyableText';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { externalUrlProblemText, type CacheInstance } from '../../model/living';
import { detailsPagePath } from '../../model/shared';

/**
 * The popover of a cache's name in the Project Overview's inventory, with both index URLs (the
 * Route's, or why there is none, and the Service's), each shown in full with a copy button, and
 * a link to the cache's page: the URLs without leaving the Overview. `CacheUrlsButton` loads it
 * on the first click and hands it the name's button as its trigger.
 */
const CacheUrlsPopover: React.FC<{
  instance: CacheInstance;
  triggerRef: React.RefObject<HTMLButtonElement>;
  isVisible: boolean;
  onShow: () => void;
  closeModal: () => void;
}> = ({ instance, triggerRef, isVisible, onShow, closeModal }) => {
  const { t } = usePipCacheTranslation();
  const body = (
    <DescriptionList isCompact data-test="pipcache-urls-popover">
      <DescriptionListGroup>
        <DescriptionListTerm>{t('External index URL')}</DescriptionListTerm>
        <DescriptionListDescription>
          {instance.externalUrl ? (
            <CopyableText
              text={instance.externalUrl}
              label={t('External index URL of {{name}}', { name: instance.name })}
              data-test="pipcache-external-url"
            />
          ) : (
            <span data-test="pipcache-external-url-problem">
              {externalUrlProblemText(instance.externalUrlProblem ?? { reason: 'Pending' }, t)}
            </span>
          )}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Internal index URL')}</DescriptionListTerm>
        <DescriptionListDescription>
          <CopyableText
            text={instance.internalUrl}
            label={t('Internal index URL of {{name}}', { name: instance.name })}
            data-test="pipcache-internal-url"
          />
        </DescriptionListDescription>
      </DescriptionListGroup>
    </DescriptionList>
  );
  return (
    <Popover
      headerContent={t('Index URLs of {{name}}', { name: instance.name })}
      bodyContent={body}
      footerContent={
        <Link
          to={detailsPagePath(instance.namespace, instance.name)}
          data-test="pipcache-urls-details"
        >
          {t('View pip cache')}
        </Link>
      }
      minWidth="22rem"
      triggerRef={triggerRef}
      isVisible={isVisible}
      shouldOpen={onShow}
      shouldClose={closeModal}
    />
  );
};

export default CacheUrlsPopover;
