import * as React from 'react';
import { Alert, AlertActionLink, Button, Checkbox, List, ListItem } from '@patternfly/react-core';
import { listBuildConfigsUsing } from '../../api/cache-users';
import { deleteObjects, listCacheObjects, type OwnedObject } from '../../api/delete-cache';
import { toK8sErrorInfo, type K8sErrorInfo } from '../../api/k8s-error';
import { stopUsingCacheInBuildConfig } from '../../api/use-cache';
import ActionModal from '../../components/ActionModal';
import DialogSpinner from '../../components/DialogSpinner';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { BuildConfig } from '../../model/shared';

interface DeleteCacheModalProps {
  namespace: string;
  name: string;
  closeModal: () => void;
  onDeleted: () => void;
}

interface Inventory {
  objects: OwnedObject[];
  unlisted: string[];
  users: BuildConfig[];
}

type Phase =
  | { step: 'loading' }
  | { step: 'load-failed'; message: string }
  | { step: 'confirm'; inventory: Inventory }
  | { step: 'deleting'; inventory: Inventory }
  | {
      step: 'partly-failed';
      inventory: Inventory;
      failed: (OwnedObject & { error: K8sErrorInfo })[];
    };

const describe = (owned: OwnedObject): string =>
  `${owned.model.kind} ${owned.object.metadata?.name ?? ''}`;

/**
 * Confirms and performs the delete of a cache: names every object that will go (found by the
 * contract's selector, nothing else), says whether cached data is lost and which BuildConfigs
 * still use the cache, and reports any object that could not be deleted with a retry.
 */
const DeleteCacheModal: React.FC<DeleteCacheModalProps> = ({
  namespace,
  name,
  closeModal,
  onDeleted,
}) => {
  const { t } = usePipCacheTranslation();
  const [phase, setPhase] = React.useState<Phase>({ step: 'loading' });
  const [dataLossAccepted, setDataLossAccepted] = React.useState(false);
  const [stopping, setStopping] = React.useState(false);
  const [stopFailures, setStopFailures] = React.useState<string[]>([]);
  const [stopped, setStopped] = React.useState<string[]>([]);

  // Puts back each BuildConfig's previous pip settings, one at a time, before the cache goes.
  const stopUses = async (inventory: Inventory) => {
    if (stopping) return;
    setStopping(true);
    const remaining: BuildConfig[] = [];
    const failures: string[] = [];
    for (const user of inventory.users) {
      const outcome = await stopUsingCacheInBuildConfig(user);
      if (outcome.state === 'applied') {
        setStopped((names) => [...names, user.metadata.name ?? '']);
        continue;
      }
      remaining.push(outcome.state === 'changed' && outcome.current ? outcome.current : user);
      failures.push(
        t('{{object}}: {{message}}', {
          object: user.metadata.name ?? '',
          message:
            outcome.state === 'failed'
              ? outcome.error.message
              : outcome.state === 'changed'
                ? t('it changed meanwhile; nothing was overwritten. Try again.')
                : t('its pip settings were not set by PipCache; change them by hand.'),
        }),
      );
    }
    setStopFailures(failures);
    setStopping(false);
    setPhase((current) =>
      'inventory' in current
        ? { ...current, inventory: { ...current.inventory, users: remaining } }
        : current,
    );
  };

  React.useEffect(() => {
    let active = true;
    Promise.all([
      listCacheObjects(namespace, name),
      listBuildConfigsUsing(namespace, namespace, name).catch(() => []),
    ])
      .then(([{ objects, failures }, users]) => {
        if (!active) return;
        setPhase({
          step: 'confirm',
          inventory: {
            objects,
            unlisted: failures.map((failure) => failure.model.kind),
            users,
          },
        });
      })
      .catch((error: unknown) => {
        if (active) setPhase({ step: 'load-failed', message: toK8sErrorInfo(error).message });
      });
    return () => {
      active = false;
    };
  }, [namespace, name]);

  const runDelete = (inventory: Inventory, objects: OwnedObject[]) => {
    setPhase({ step: 'deleting', inventory });
    void deleteObjects(objects).then((report) => {
      if (report.failed.length === 0) {
        closeModal();
        onDeleted();
      } else {
        setPhase({ step: 'partly-failed', inventory, failed: report.failed });
      }
    });
  };

  const inventory = 'inventory' in phase ? phase.inventory : undefined;
  const losesData =
    inventory?.objects.some((o) => o.model.kind === 'PersistentVolumeClaim') ?? false;
  const busy = phase.step === 'deleting' || phase.step === 'loading';

  return (
    <ActionModal
      data-test="pipcache-delete-modal"
      title={t('Delete pip cache {{name}}?', { name })}
      titleIconVariant="warning"
      onClose={closeModal}
      footer={
        <>
          <Button
            variant="danger"
            isDisabled={busy || !inventory || (losesData && !dataLossAccepted)}
            isLoading={phase.step === 'deleting'}
            onClick={() => {
              if (!inventory) return;
              runDelete(
                inventory,
                phase.step === 'partly-failed' ? phase.failed : inventory.objects,
              );
            }}
            data-test="pipcache-delete-confirm"
          >
            {phase.step === 'partly-failed' ? t('Retry') : t('Delete')}
          </Button>
          <Button variant="link" onClick={closeModal} isDisabled={phase.step === 'deleting'}>
            {t('Cancel')}
          </Button>
        </>
      }
    >
      {phase.step === 'loading' && <DialogSpinner label={t('Finding the objects of this cache')} />}
      {phase.step === 'load-failed' && (
        <Alert variant="danger" isInline title={t('Could not list the objects of this cache')}>
          {phase.message}
        </Alert>
      )}
      {inventory && (
        <>
          <p>{t('These objects will be deleted:')}</p>
          <List data-test="pipcache-delete-objects">
            {inventory.objects.map((owned) => (
              <ListItem key={describe(owned)}>{describe(owned)}</ListItem>
            ))}
          </List>
          {inventory.unlisted.length > 0 && (
            <Alert variant="warning" isInline title={t('Some kinds could not be listed')}>
              {t(
                'You may not list {{kinds}} in this project; objects of those kinds stay behind.',
                {
                  kinds: inventory.unlisted.join(', '),
                },
              )}
            </Alert>
          )}
          {inventory.users.length > 0 && (
            <Alert
              variant="warning"
              isInline
              title={t('Builds still use this cache')}
              actionLinks={
                <AlertActionLink
                  onClick={() => void stopUses(inventory)}
                  isDisabled={stopping}
                  data-test="pipcache-delete-stop-uses"
                >
                  {t('Stop their use first')}
                </AlertActionLink>
              }
              data-test="pipcache-delete-users"
            >
              {t(
                'These BuildConfigs point at this cache and their builds will fail to install packages: {{names}}. Stop their use of the cache first.',
                {
                  names: inventory.users.map((user) => user.metadata.name ?? '').join(', '),
                },
              )}
              {stopFailures.length > 0 && (
                <List data-test="pipcache-delete-stop-failures">
                  {stopFailures.map((failure) => (
                    <ListItem key={failure}>{failure}</ListItem>
                  ))}
                </List>
              )}
            </Alert>
          )}
          {stopped.length > 0 && (
            <Alert
              variant="success"
              isInline
              isPlain
              title={t('These BuildConfigs have their previous pip settings back: {{names}}', {
                names: stopped.join(', '),
              })}
              data-test="pipcache-delete-stopped"
            />
          )}
          {losesData ? (
            <Checkbox
              id="pipcache-delete-data-loss"
              label={t('I understand that every cached package is lost with the volume.')}
              isChecked={dataLossAccepted}
              onChange={(_event, checked) => setDataLossAccepted(checked)}
            />
          ) : (
            <p>
              {t(
                'The cache keeps its packages in an ephemeral volume, so no stored data is lost beyond what the pod holds now.',
              )}
            </p>
          )}
        </>
      )}
      {phase.step === 'partly-failed' && (
        <Alert
          variant="danger"
          isInline
          title={t('Some objects were not deleted')}
          data-test="pipcache-delete-failed"
        >
          <List>
            {phase.failed.map((failed) => (
              <ListItem key={describe(failed)}>
                {t('{{object}}: {{message}}', {
                  object: describe(failed),
                  message: failed.error.message,
                })}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </ActionModal>
  );
};

export default DeleteCacheModal;
