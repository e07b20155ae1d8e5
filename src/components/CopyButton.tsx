import * as React from 'react';
import { ClipboardCopyButton } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';

interface CopyButtonProps {
  /** Exactly what lands on the clipboard. */
  text: string;
  /** What is copied, for the button's accessible name ("Copy pip settings for cache"). */
  label: string;
  'data-test'?: string;
}

let nextId = 0;

/** PatternFly's copy button for a text that is not shown in full, confirming it visibly and aloud. */
const CopyButton: React.FC<CopyButtonProps> = ({ text, label, 'data-test': dataTest }) => {
  const { t } = usePipCacheTranslation();
  const [state, setState] = React.useState<'idle' | 'copied' | 'refused'>('idle');
  // React 17 has no useId: a module counter gives each button stable ids for aria wiring.
  const [id] = React.useState(() => `pipcache-copy-button-${(nextId += 1)}`);
  const tip =
    state === 'copied'
      ? t('Copied')
      : state === 'refused'
        ? t('The browser did not allow copying. Select the text and copy it by hand.')
        : label;
  return (
    <>
      <ClipboardCopyButton
        id={id}
        textId={`${id}-label`}
        aria-label={label}
        variant="plain"
        exitDelay={state === 'idle' ? 300 : 1500}
        onTooltipHidden={() => setState('idle')}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setState('copied'),
            () => setState('refused'),
          );
        }}
        data-test={dataTest}
      >
        {tip}
      </ClipboardCopyButton>
      <span id={`${id}-label`} className="pf-v6-screen-reader">
        {label}
      </span>
      <span className="pf-v6-screen-reader" aria-live="polite">
        {/* The label is the button's action ("Copy pip settings …"), so it is not repeated here. */}
        {state === 'copied' ? t('Copied to the clipboard.') : ''}
      </span>
    </>
  );
};

export default CopyButton;
