import * as React from 'react';
import { Label, Tooltip } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';
import { diskSentence, type DiskUse } from '../model/living';

/** A compact "88% full" warning for a volume from 80%; nothing below that. */
const DiskUseLabel: React.FC<{ use: DiskUse | undefined }> = ({ use }) => {
  const { t } = usePipCacheTranslation();
  if (!use || use.level === 'ok') return null;
  const sentence = diskSentence(use, t);
  return (
    <Tooltip content={sentence}>
      <Label
        isCompact
        color={use.level === 'critical' ? 'red' : 'orange'}
        tabIndex={0}
        data-test="pipcache-disk-label"
        data-level={use.level}
      >
        {t('{{percent}}% full', { percent: Math.round(use.ratio * 100) })}
        <span className="pf-v6-screen-reader">{` ${sentence}`}</span>
      </Label>
    </Tooltip>
  );
};

export default DiskUseLabel;
