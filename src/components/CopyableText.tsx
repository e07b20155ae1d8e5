import * as React from 'react';
import { ClipboardCopy } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';

interface CopyableTextProps {
  /** Exactly what lands on the clipboard, shown as it is (several lines are shown as a block). */
  text: string;
  /** What the text is, for screen readers ("PIP_INDEX_URL for builds in the cluster"). */
  label: string;
  'data-test'?: string;
}

/**
 * Read-only text with a copy button. The copy confirmation is shown in PatternFly's tooltip
 * and also announced in a polite live region, so keyboard and screen-reader users hear it.
 */
const CopyableText: React.FC<CopyableTextProps> = ({ text, label, 'data-test': dataTest }) => {
  const { t } = usePipCacheTranslation();
  const [announcement, setAnnouncement] = React.useState('');
  const multiline = text.includes('\n');

  const onCopy = () => {
    navigator.clipboard.writeText(text).then(
      () => setAnnouncement(t('Copied {{label}} to the clipboard.', { label })),
      () =>
        setAnnouncement(
          t('The browser did not allow copying. Select the text and copy it by hand.'),
        ),
    );
  };

  return (
    <div data-test={dataTest}>
      <ClipboardCopy
        isReadOnly
        isCode
        variant={multiline ? 'expansion' : 'inline'}
        isExpanded={multiline}
        hoverTip={t('Copy')}
        clickTip={t('Copied')}
        textAriaLabel={label}
        toggleAriaLabel={t('Show all')}
        onCopy={onCopy}
      >
        {text}
      </ClipboardCopy>
      <span className="pf-v6-screen-reader" aria-live="polite" data-test="copy-announcement">
        {announcement}
      </span>
    </div>
  );
};

export default CopyableText;
