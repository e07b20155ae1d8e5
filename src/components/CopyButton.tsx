import * as React from 'react';
import { Button, Tooltip } from '@patternfly/react-core';
import { CopyIcon } from '@patternfly/react-icons';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';

interface CopyButtonProps {
  /** Exactly what lands on the clipboard. */
  text: string;
  /** What is copied, for the button's accessible name ("Copy pip settings for cache"). */
  label: string;
  'data-test'?: string;
}

/** An icon button that copies a text, confirms it visibly and announces it to screen readers. */
const CopyButton: React.FC<CopyButtonProps> = ({ text, label, 'data-test': dataTest }) => {
  const { t } = usePipCacheTranslation();
  const [state, setState] = React.useState<'idle' | 'copied' | 'refused'>('idle');
  React.useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  const tip =
    state === 'copied'
      ? t('Copied')
      : state === 'refused'
        ? t('The browser did not allow copying. Select the text and copy it by hand.')
        : label;
  return (
    <>
      <Tooltip content={tip}>
        <Button
          variant="plain"
          aria-label={label}
          icon={<CopyIcon />}
          onClick={() => {
            navigator.clipboard.writeText(text).then(
              () => setState('copied'),
              () => setState('refused'),
            );
          }}
          data-test={dataTest}
        />
      </Tooltip>
      <span className="pf-v6-screen-reader" aria-live="polite">
        {state === 'copied' ? t('Copied {{label}} to the clipboard.', { label }) : ''}
      </span>
    </>
  );
};

export default CopyButton;
