import * as React from 'react';
import {
  Divider,
  Dropdown,
  DropdownItem,
  DropdownList,
  MenuToggle,
  type MenuToggleElement,
} from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { CacheInstance } from '../../model/instance';
import { useModal } from '../../sdk/console-sdk';
import UseInBuildsModal from '../buildconfig/UseInBuildsModal';
import DeleteCacheModal from '../details/DeleteCacheModal';

// The row leaves the list by itself when the watch reports the cache's Deployment gone.
const stayOnTheList = (): void => undefined;

/**
 * A row's kebab menu, as every list in the console has: the actions that need nothing but the
 * cache itself, so that a user need not open its page to use or delete it. Editing, emptying
 * and upgrading stay on the page, next to what they change.
 */
const CacheRowActions: React.FC<{ cache: CacheInstance }> = ({ cache }) => {
  const { t } = usePipCacheTranslation();
  const launchModal = useModal();
  const [open, setOpen] = React.useState(false);
  const run = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: 'right' }}
      toggle={(ref: React.Ref<MenuToggleElement>) => (
        <MenuToggle
          ref={ref}
          variant="plain"
          icon={<EllipsisVIcon />}
          isExpanded={open}
          onClick={() => setOpen((current) => !current)}
          aria-label={t('Actions for {{name}}', { name: cache.name })}
          data-test="pipcache-row-actions"
        />
      )}
    >
      <DropdownList>
        <DropdownItem
          onClick={run(() => launchModal(UseInBuildsModal, { cache }))}
          data-test="pipcache-row-use"
        >
          {t('Use in builds…')}
        </DropdownItem>
        <Divider component="li" />
        <DropdownItem
          isDanger
          onClick={run(() =>
            launchModal(DeleteCacheModal, {
              namespace: cache.namespace,
              name: cache.name,
              onDeleted: stayOnTheList,
            }),
          )}
          data-test="pipcache-row-delete"
        >
          {t('Delete pip cache')}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
};

export default CacheRowActions;
