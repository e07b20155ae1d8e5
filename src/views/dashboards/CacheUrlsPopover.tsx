import * as React from 'react';
import {
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Popover,
} from '@patternfly/react-core';
import { Link } from 'react-router-dom-v5-compat';
import CopyableText from '../../components/CopyableText';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { externalUrlProblemText, type CacheInstance } from '../../model/instance';
import { detailsPagePath } from '../../model/namespaces';

/**
 * A cache's name in the Project Overview's inventory, opening a popover with both index URLs
 * (the Route's, or why there is none, and the Service's), each shown in full with a copy button,
 * and a link to the cache's page: the URLs without leaving the Overview.
 */
const CacheUrlsPopover: React.FC<{ instance: CacheInstance }> = ({ instance }) => {
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
    >
      <Button variant="link" isInline aria-haspopup="dialog" data-test="pipcache-inventory-name">
        {instance.name}
      </Button>
    </Popover>
  );
};

export default CacheUrlsPopover;
