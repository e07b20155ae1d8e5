import * as React from 'react';
import { Button } from '@patternfly/react-core';
import { lazyModal } from '../../components/lazy-load';
import type { CacheInstance } from '../../model/living';

// The popover (PatternFly's Popover, ClipboardCopy and DescriptionList, which consoles 4.19–4.21
// do not share) loads on the first click: the Project Overview loads this module on every visit.
const CacheUrlsPopover = lazyModal(() => import('./CacheUrlsPopover'));

/**
 * A cache's name in the Project Overview's inventory: a button that opens the popover with both
 * index URLs. Once the popover's code is there, the popover handles its trigger's clicks itself.
 */
const CacheUrlsButton: React.FC<{ instance: CacheInstance }> = ({ instance }) => {
  const triggerRef = React.useRef<HTMLButtonElement>(null);
  const [mounted, setMounted] = React.useState(false);
  const [visible, setVisible] = React.useState(false);
  return (
    <>
      <Button
        ref={triggerRef}
        variant="link"
        isInline
        aria-haspopup="dialog"
        aria-expanded={visible}
        onClick={
          mounted
            ? undefined
            : () => {
                setMounted(true);
                setVisible(true);
              }
        }
        data-test="pipcache-inventory-name"
      >
        {instance.name}
      </Button>
      {mounted && (
        <CacheUrlsPopover
          instance={instance}
          triggerRef={triggerRef}
          isVisible={visible}
          onShow={() => setVisible(true)}
          closeModal={() => setVisible(false)}
        />
      )}
    </>
  );
};

export default CacheUrlsButton;
