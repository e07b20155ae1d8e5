import * as React from 'react';
import { Alert, AlertActionLink, List, ListItem } from '@patternfly/react-core';
import SubmitForm from '../../components/SubmitForm';
import {
  dryRunThenPatch,
  readEditableObjects,
  type EditReport,
  type PatchFate,
} from '../../api/edit-cache';
import { toK8sErrorInfo } from '../../api/k8s-error';
import ActionModal from '../../components/ActionModal';
import DialogFooter from '../../components/DialogFooter';
import DamagedRecordAlert from '../../components/DamagedRecordAlert';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import {
  editPatches,
  changedFields,
  EDITABLE_FIELDS,
  hasStaleStartScript,
  editStartValues,
  rebaseEdit,
  valuesProblems,
  type EditableField,
  type EditableObjects,
  type ObjectPatch,
  needsRouteSplit,
} from '../../model/living';
import {
  sizingShortfalls,
  withRecommendedSizing,
  validateValues,
  defaultValues,
  type PipCacheValues,
} from '../../model/cache';
import { filesRouteName } from '../../model/shared';
import DevpiOptionsSection from '../shared/DevpiOptionsSection';
import type { FieldName, FormBinding } from '../shared/form-binding';
import PlacementSection from '../shared/PlacementSection';
import ResourcesSection from '../shared/ResourcesSection';
import RouteSection from '../shared/RouteSection';
import { useFieldLabels } from '../shared/useFieldLabels';

interface EditCacheModalProps {
  namespace: string;
  objects: EditableObjects;
  closeModal: () => void;
}

interface Baseline {
  objects: EditableObjects;
  before: PipCacheValues;
}

const isEditableError = (key: string): boolean =>
  EDITABLE_FIELDS.some((field) => key === field || key.startsWith(`${field}.`));

/**
 * Changes what is safe to change on a running cache — resources, node selectors, the route's
 * TLS policy and allow-list, devpi's options — as guarded JSON patches, dry run first.
 */
const EditCacheModal: React.FC<EditCacheModalProps> = ({ namespace, objects, closeModal }) => {
  const { t } = usePipCacheTranslation();
  const [baseline, setBaseline] = React.useState<Baseline>(() => ({
    objects,
    before: editStartValues(objects, defaultValues()),
  }));
  const [values, setValues] = React.useState<PipCacheValues>(baseline.before);
  const [saving, setSaving] = React.useState(false);
  const [report, setReport] = React.useState<EditReport>();
  const [conflict, setConflict] = React.useState<{ kinds: string[]; fields: EditableField[] }>();
  const [failure, setFailure] = React.useState<string>();

  const errors = React.useMemo(
    () =>
      Object.fromEntries(
        Object.entries(validateValues(values, namespace, t)).filter(([key]) =>
          isEditableError(key),
        ),
      ),
    [values, namespace, t],
  );
  const invalid = Object.keys(errors).length > 0;
  const shortfalls = sizingShortfalls(values, t);
  const changed = changedFields(baseline.before, values);
  // A cache of an earlier plugin version is saved even unchanged: it gets the current start script.
  const staleScript = hasStaleStartScript(baseline.objects.deployment);
  // A damaged values record is saved even unchanged: it is replaced by one rebuilt from the form.
  const damaged = React.useMemo(
    () => valuesProblems(baseline.objects.deployment),
    [baseline.objects.deployment],
  );
  // A cache whose route publishes more than pip needs (or lacks N-files) is saved even unchanged.
  const routeSplit = needsRouteSplit(baseline.objects);
  const unchanged = changed.length === 0 && !staleScript && !damaged && !routeSplit;
  // Everything but the build node selector and the route lives in the pod template.
  const restartsPod =
    staleScript ||
    changed.some((field) => !field.startsWith('route.') && field !== 'placement.build');
  const ephemeral = !baseline.objects.deployment.spec?.template.spec?.volumes?.some(
    (volume) => volume.name === 'data' && volume.persistentVolumeClaim,
  );

  const fieldLabels = useFieldLabels();
  // The create form's sections, showing only what may change on a running cache: the build's
  // node selector only with a BuildConfig, the route's settings only with a Route.
  const editable = React.useMemo(
    () =>
      new Set<FieldName>(
        EDITABLE_FIELDS.filter((field) =>
          field === 'placement.build'
            ? Boolean(baseline.objects.buildConfig)
            : !field.startsWith('route.') || Boolean(baseline.objects.route),
        ),
      ),
    [baseline.objects.buildConfig, baseline.objects.route],
  );
  const binding: FormBinding = {
    values,
    set: (change) => setValues(change),
    // A running cache's settings are valid to begin with: an error shows as soon as it is typed.
    shown: (field) => errors[field],
    errors,
    editable,
  };

  /** After a conflict: read the objects again and lay the user's changes over what is there now. */
  const rebase = async (kinds: string[]) => {
    const fresh = await readEditableObjects(namespace, baseline.objects);
    const current = editStartValues(fresh, defaultValues());
    setConflict({ kinds, fields: changedFields(baseline.before, current) });
    setValues(rebaseEdit(baseline.before, values, current));
    setBaseline({ objects: fresh, before: current });
  };

  const run = async (patches: readonly ObjectPatch[]) => {
    setSaving(true);
    setFailure(undefined);
    try {
      const result = await dryRunThenPatch(namespace, patches);
      if (result.outcome === 'applied') {
        closeModal();
        return;
      }
      const conflicted = result.patches.filter(
        (patch) =>
          (patch.fate.state === 'dry-run-failed' || patch.fate.state === 'apply-failed') &&
          patch.fate.conflict,
      );
      if (conflicted.length) {
        setReport(result.outcome === 'partly-applied' ? result : undefined);
        await rebase(conflicted.map((patch) => `${patch.kind} ${patch.name}`));
      } else {
        setConflict(undefined);
        setReport(result);
      }
    } catch (caught) {
      setFailure(toK8sErrorInfo(caught).message);
    } finally {
      setSaving(false);
    }
  };

  const save = () => {
    if (invalid || saving) return;
    const patches = editPatches(baseline.objects, baseline.before, values);
    if (!patches.length) {
      closeModal();
      return;
    }
    setReport(undefined);
    void run(patches);
  };

  const fateText = (fate: PatchFate): string => {
    switch (fate.state) {
      case 'applied':
        return t('saved');
      case 'dry-run-passed':
        return t('passed the dry run, not saved');
      case 'not-attempted':
        return t('not saved yet');
      case 'removed':
        return t('created, then removed again');
      default:
        return t('refused: {{message}}', { message: fate.error.message });
    }
  };

  return (
    <ActionModal
      data-test="pipcache-edit-modal"
      variant="medium"
      title={t('Edit pip cache settings')}
      description={t(
        'Changes to resources, the pod node selector or devpi options restart the pod; cached packages on persistent storage are kept.',
      )}
      onClose={closeModal}
      footer={
        <DialogFooter
          action={{
            label: t('Save'),
            onClick: save,
            isDisabled: invalid || unchanged,
            isLoading: saving,
            'data-test': 'pipcache-edit-save',
          }}
          closeLabel={t('Cancel')}
          onClose={closeModal}
          closeTest="pipcache-edit-cancel"
        />
      }
    >
      {damaged && (
        <DamagedRecordAlert
          title={t("The record of this cache's settings is damaged")}
          problems={damaged}
          data-test="pipcache-edit-damaged"
        >
          <p>
            {t(
              'Nothing of it is used: the form starts from the running objects. Saving replaces the record with one rebuilt from the form, even when you change nothing.',
            )}
          </p>
        </DamagedRecordAlert>
      )}
      {staleScript && (
        <Alert
          variant="info"
          isInline
          isPlain
          title={t(
            "This cache was made by an earlier version of the plugin. Saving also gives its pod the current start script, which keeps upstream credentials out of devpi's public settings and restarts the pod.",
          )}
          data-test="pipcache-edit-stale-script"
        />
      )}
      {routeSplit && (
        <Alert
          variant="info"
          isInline
          isPlain
          title={t(
            'Saving also limits what the route publishes to what pip needs: the simple pages on this route, and the package files on a second route {{name}} with the same host. The index URL stays the same.',
            { name: filesRouteName(baseline.objects.deployment.metadata?.name ?? '') },
          )}
          data-test="pipcache-edit-route-split"
        />
      )}
      {restartsPod && ephemeral && (
        <Alert
          variant="warning"
          isInline
          isPlain
          title={t(
            'This cache keeps its packages in ephemeral storage: the restart empties it, and builds download again until it refills.',
          )}
          data-test="pipcache-edit-ephemeral-warning"
        />
      )}
      {conflict && (
        <Alert
          variant="warning"
          isInline
          title={t('Someone else changed this cache while you were editing')}
          data-test="pipcache-edit-conflict"
        >
          <p>
            {t(
              '{{objects}} changed meanwhile, so nothing of your edit was forced over it. The form now starts from the current settings, with your own changes kept. Check them and save again.',
              { objects: conflict.kinds.join(', ') },
            )}
          </p>
          {conflict.fields.length > 0 && (
            <p data-test="pipcache-edit-conflict-fields">
              {t('Changed by the other edit: {{fields}}', {
                fields: conflict.fields.map((field) => fieldLabels[field]).join(', '),
              })}
            </p>
          )}
        </Alert>
      )}
      {report && (
        <Alert
          variant={report.outcome === 'partly-applied' ? 'warning' : 'danger'}
          isInline
          title={
            report.outcome === 'partly-applied'
              ? t('Only some changes were saved')
              : t('Nothing was changed')
          }
          actionLinks={
            report.outcome === 'partly-applied' || report.outcome === 'nothing-applied' ? (
              <AlertActionLink
                onClick={() => void run(report.remaining)}
                data-test="pipcache-edit-retry"
              >
                {t('Retry the rest')}
              </AlertActionLink>
            ) : undefined
          }
          data-test="pipcache-edit-report"
        >
          <List>
            {report.patches.map((patch) => (
              <ListItem key={`${patch.kind}/${patch.name}`} data-test="pipcache-edit-report-item">
                {t('{{kind}} {{name}}: {{fate}}', {
                  kind: patch.kind,
                  name: patch.name,
                  fate: fateText(patch.fate),
                })}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
      {failure && (
        <Alert variant="danger" isInline title={t('Nothing was changed')}>
          {failure}
        </Alert>
      )}
      {shortfalls.length > 0 && (
        <Alert
          variant="warning"
          isInline
          title={t('This cache is sized below what a wave of builds needs')}
          actionLinks={
            <AlertActionLink
              onClick={() => setValues((current) => withRecommendedSizing(current))}
              data-test="pipcache-edit-use-recommended"
            >
              {t('Use the recommended sizing')}
            </AlertActionLink>
          }
          data-test="pipcache-edit-sizing"
        >
          <List>
            {shortfalls.map((shortfall) => (
              <ListItem key={shortfall.field}>{shortfall.message}</ListItem>
            ))}
          </List>
          <p>
            {t(
              'Saving a change to the pod also caps its malloc arenas (MALLOC_ARENA_MAX=2), as new caches have it.',
            )}
          </p>
        </Alert>
      )}
      <SubmitForm onSubmit={save}>
        <ResourcesSection binding={binding} />
        <PlacementSection binding={binding} />
        {baseline.objects.route && <RouteSection binding={binding} namespace={namespace} />}
        <DevpiOptionsSection binding={binding} />
      </SubmitForm>
    </ActionModal>
  );
};

export default EditCacheModal;
