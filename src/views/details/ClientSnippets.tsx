import * as React from 'react';
import { Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import CopyableText from '../../components/CopyableText';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { clientSnippet, SNIPPET_KINDS, type SnippetKind } from '../../model/builds';

/** Ready-to-paste settings for each Python client, for one index URL. */
const ClientSnippets: React.FC<{ indexUrl: string }> = ({ indexUrl }) => {
  const { t } = usePipCacheTranslation();
  const [active, setActive] = React.useState<SnippetKind>('pip-env');
  const titles: Record<SnippetKind, string> = {
    'pip-env': t('pip (environment)'),
    'pip-conf': t('pip.conf'),
    uv: t('uv'),
    poetry: t('Poetry'),
    pipenv: t('pipenv'),
    requirements: t('requirements.txt'),
    'buildconfig-env': t('BuildConfig env'),
  };
  return (
    <Tabs
      activeKey={active}
      onSelect={(_event, key) => setActive(key as SnippetKind)}
      aria-label={t('Client settings')}
      isBox
      data-test="pipcache-snippets"
    >
      {SNIPPET_KINDS.map((kind) => (
        <Tab
          key={kind}
          eventKey={kind}
          title={<TabTitleText>{titles[kind]}</TabTitleText>}
          data-test={`pipcache-snippet-tab-${kind}`}
        >
          <CopyableText
            text={clientSnippet(kind, indexUrl)}
            label={titles[kind]}
            data-test={`pipcache-snippet-${kind}`}
          />
        </Tab>
      ))}
    </Tabs>
  );
};

export default ClientSnippets;
