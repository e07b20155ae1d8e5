import * as React from 'react';
import { PageSection, Title, Content } from '@patternfly/react-core';
import { useParams } from 'react-router-dom-v5-compat';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { DocumentTitle } from '../../sdk/console-sdk';

/** Placeholder for the create form (issue 6 replaces it); the route and its URL are final. */
const PipCacheCreatePage: React.FC = () => {
  const { t } = usePipCacheTranslation();
  const { ns } = useParams<{ ns: string }>();
  return (
    <>
      <DocumentTitle>{t('Create pip cache')}</DocumentTitle>
      <PageSection data-test="pipcache-new-page">
        <Title headingLevel="h1">{t('Create pip cache')}</Title>
        <Content component="p">
          {t('The form to create a pip cache in project {{namespace}} is on its way.', {
            namespace: ns,
          })}
        </Content>
      </PageSection>
    </>
  );
};

export default PipCacheCreatePage;
