import * as React from 'react';
import {
  ClipboardCopy,
  ClipboardCopyButton,
  CodeBlock,
  CodeBlockAction,
  CodeBlockCode,
} from '@patternfly/react-core';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';

interface CopyableTextProps {
  /** Exactly what lands on the clipboard, shown as it is (several lines are shown as a code block). */
  text: string;
  /** What the text is, for screen readers ("PIP_INDEX_URL for builds in the cluster"). */
  label: string;
  'data-test'?: string;
}

let nextId = 0;

/**
 * Read-only text with a copy button: one line as PatternFly's ClipboardCopy, several lines as a
 * code block with a copy action, so that what is shown is what is copied. The confirmation is
 * shown in a tooltip and also announced in a polite live region for screen-reader users.
 */
const CopyableText: React.FC<CopyableTextProps> = ({ text, label, 'data-test': dataTest }) => {
  const { t } = usePipCacheTranslation();
  const [announcement, setAnnouncement] = React.useState('');
  const [copied, setCopied] = React.useState(false);
  // React 17 has no useId: a module counter gives each instance stable ids for aria wiring.
  const [id] = React.useState(() => `pipcache-copy-${(nextId += 1)}`);

  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => {
        setCopied(true);
        setAnnouncement(t('Copied {{label}} to the clipboard.', { label }));
      },
      () =>
        setAnnouncement(
          t('The browser did not allow copying. Select the text and copy it by hand.'),
        ),
    );
  };

  const live = (
    <span className="pf-v6-screen-reader" aria-live="polite" data-test="copy-announcement">
      {announcement}
    </span>
  );

  if (!text.includes('\n')) {
    return (
      <div data-test={dataTest}>
        <ClipboardCopy
          isReadOnly
          hoverTip={t('Copy')}
          clickTip={t('Copied')}
          textAriaLabel={label}
          onCopy={copy}
        >
          {text}
        </ClipboardCopy>
        {live}
      </div>
    );
  }
  return (
    <div data-test={dataTest}>
      <CodeBlock
        actions={
          <CodeBlockAction>
            <ClipboardCopyButton
              id={`${id}-button`}
              textId={`${id}-text`}
              aria-label={t('Copy {{label}}', { label })}
              onClick={copy}
              exitDelay={copied ? 1500 : 600}
              onTooltipHidden={() => setCopied(false)}
              variant="plain"
            >
              {copied ? t('Copied') : t('Copy')}
            </ClipboardCopyButton>
          </CodeBlockAction>
        }
      >
        <CodeBlockCode id={`${id}-text`} aria-label={label}>
          {text}
        </CodeBlockCode>
      </CodeBlock>
      {live}
    </div>
  );
};

export default CopyableText;
