import * as React from 'react';
import {
  Alert,
  Dropdown,
  DropdownList,
  MenuToggle,
  type MenuToggleElement,
} from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { CacheInstance } from '../../model/living';
import { useModal } from '../../sdk/console-sdk';
import CacheRowMenuItems from './CacheRowMenuItems';

// The row leaves the list by itself when the watch reports the cache's Deployment gone.
const stayOnTheList = (): void => undefined;

/**
 * A row's kebab menu, as every list in the console has: the actions that need nothing but the
 * cache itself, so that a user need not open its page to use or delete it. Editing, emptying
 * and upgrading stay on the page, next to what they change. The dialogs load when chosen: the
 * list would otherwise carry both, doubling its size for a menu most visits never open.
 */
const CacheRowActions: React.FC<{ cache: CacheInstance }> = ({ cache }) => {
  const { t } = usePipCacheTranslation();
  const launchModal = useModal();
  const [open, setOpen] = React.useState(false);
  const [failure, setFailure] = React.useState<string>();
  const run = (action: () => Promise<void>) => () => {
    setOpen(false);
    setFailure(undefined);
    action().catch((error: unknown) =>
      setFailure(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <>
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
          {open && (
            <CacheRowMenuItems
              cache={cache}
              onUseInBuilds={run(async () => {
                const { default: UseInBuildsModal } = await import('../shared/UseInBuildsModal');
                launchModal(UseInBuildsModal, { cache });
              })}
              onDelete={run(async () => {
                const { default: DeleteCacheModal } = await import('../shared/DeleteCacheModal');
                launchModal(DeleteCacheModal, {
                  namespace: cache.namespace,
                  name: cache.name,
                  onDeleted: stayOnTheList,
                });
              })}
            />
          )}
        </DropdownList>
      </Dropdown>
      {failure && (
        <Alert
          variant="danger"
          isInline
          isPlain
          title={t('The dialog could not be loaded ({{message}}). Reload the page and try again.', {
            message: failure,
          })}
          data-test="pipcache-row-actions-error"
        />
      )}
    </>
  );
};

export default CacheRowActions;
