import * as React from 'react';
import { Button, CodeBlock, CodeBlockAction, CodeBlockCode } from '@patternfly/react-core';
import { dump } from 'js-yaml';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { PlannedManifest } from '../../model/cache';

/** The YAML of exactly what will be created (Secret values redacted), with a download. */
export const toYaml = (manifests: readonly PlannedManifest[]): string =>
  manifests
    .map(({ object, comment }) => {
      const header = comment
        ? `${comment
            .split('\n')
            .map((line) => `# ${line}`)
            .join('\n')}\n`
        : '';
      return `${header}${dump(object, { noRefs: true, lineWidth: 120 })}`;
    })
    .join('---\n');

const YamlPreview: React.FC<{ manifests: PlannedManifest[]; name: string }> = ({
  manifests,
  name,
}) => {
  const { t } = usePipCacheTranslation();
  const yaml = React.useMemo(() => toYaml(manifests), [manifests]);
  const download = () => {
    const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${name || 'pipcache'}.yaml`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <CodeBlock
      actions={
        <CodeBlockAction>
          <Button variant="link" onClick={download} data-test="pipcache-yaml-download">
            {t('Download YAML')}
          </Button>
        </CodeBlockAction>
      }
    >
      <CodeBlockCode data-test="pipcache-yaml">{yaml}</CodeBlockCode>
    </CodeBlock>
  );
};

export default YamlPreview;
