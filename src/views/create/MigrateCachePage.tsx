import * as React from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  List,
  ListItem,
  PageSection,
  Stack,
  Title,
} from '@patternfly/react-core';
import { useNavigate } from 'react-router-dom-v5-compat';
import { discardMigrationRecord, finishMigration, migrateCache } from '../../api/migrate-cache';
import { stepFailure } from '../../api/steps';
import { toK8sErrorInfo, type K8sErrorInfo } from '../../api/k8s-error';
import DamagedRecordAlert from '../../components/DamagedRecordAlert';
import { useTemplateObjects } from '../../hooks/useTemplateObjects';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { ANNOTATION_MIGRATION, detailsPagePath, type RecordProblem } from '../../model/shared';
import {
  claimPlans,
  buildStrategyOf,
  migrationValues,
  MIGRATION_STEPS,
  stepApplies,
  storageForPlan,
  type ClaimPlan,
  type MigrationStep,
  readMigrationRecord,
} from '../../model/migration';
import { defaultValues } from '../../model/cache';
import { DocumentTitle } from '../../sdk/console-sdk';
import CacheFormPage from './CacheFormPage';
import CacheFormSections from './CacheFormSections';
import MigrationClaimChoice from './MigrationClaimChoice';
import MigrationPlanAlert from './MigrationPlanAlert';
import MigrationProgress from './MigrationProgress';
import ResumedValuesSummary from './ResumedValuesSummary';
import { useCacheForm } from './useCacheForm';

/** Where a migration run is: the step running (or failed), its error, whether it finished. */
interface MigrationRun {
  current?: MigrationStep;
  error?: K8sErrorInfo;
  finished: boolean;
}

interface MigrateCachePageProps {
  namespace: string;
  /** The DeploymentConfig the original templates made. */
  name: string;
}

/**
 * Replaces a cache made by the original templates with the create form's sections, prefilled
 * from its objects; a migration recorded half way is offered to be finished instead.
 */
const MigrateCachePage: React.FC<MigrateCachePageProps> = ({ namespace: ns, name }) => {
  const { t } = usePipCacheTranslation();
  const navigate = useNavigate();
  const template = useTemplateObjects(ns, name);
  const [claim, setClaim] = React.useState<ClaimPlan>('none');
  const [resuming, setResuming] = React.useState(false);
  const [run, setRun] = React.useState<MigrationRun>();
  // A migration record that its schema refused: shown with a way out, never used.
  const [damaged, setDamaged] = React.useState<RecordProblem[]>();
  const [discarding, setDiscarding] = React.useState<{ error?: string; busy: boolean }>({
    busy: false,
  });
  const form = useCacheForm({ namespace: ns, nameIsOwn: resuming, keepsClaim: claim === 'keep' });
  const { values, start, loaded, facts, binding } = form;

  React.useEffect(() => {
    const objects = template.objects;
    if (!loaded || values || !objects) return;
    const base = defaultValues(facts);
    const recorded = readMigrationRecord(objects.deploymentConfig, base);
    if (recorded.state === 'ok') {
      // Shown before anything runs, and checked like the form's own values below.
      start(recorded.record.parsedValues);
      setClaim(recorded.record.claim);
      setResuming(true);
      return;
    }
    setDamaged(recorded.state === 'damaged' ? recorded.problems : undefined);
    const plan = claimPlans(objects)[0] ?? 'none';
    const prefilled = migrationValues(base, objects);
    start({ ...prefilled, storage: storageForPlan(prefilled.storage, plan, objects) }, ['name']);
    setClaim(plan);
  }, [loaded, values, facts, template.objects, start]);

  if (template.loaded && !template.objects) {
    return (
      <PageSection data-test="pipcache-new-page">
        <DocumentTitle>{t('Replace a template-made cache')}</DocumentTitle>
        <Alert
          variant={template.error?.code === 404 ? 'info' : 'danger'}
          isInline
          title={
            template.error?.code === 404
              ? t('There is no DeploymentConfig {{name}} in project {{namespace}}', {
                  name,
                  namespace: ns,
                })
              : t('The objects of {{name}} could not be read', { name })
          }
          data-test="pipcache-migration-missing"
        >
          {template.error?.code === 404
            ? t(
                'It may have been migrated already or deleted. The pip caches of the project are in the list.',
              )
            : template.error?.message}
        </Alert>
      </PageSection>
    );
  }
  const discard = async () => {
    const dc = template.objects?.deploymentConfig;
    if (!dc || discarding.busy) return;
    setDiscarding({ busy: true });
    try {
      await discardMigrationRecord(dc);
      setDiscarding({ busy: false });
      setDamaged(undefined);
      template.reload();
    } catch (error) {
      setDiscarding({ busy: false, error: toK8sErrorInfo(error).message });
    }
  };
  const heading = t('Replace {{name}} with a pip cache', { name });
  if (damaged) {
    return (
      <PageSection data-test="pipcache-new-page">
        <DocumentTitle>{t('Replace a template-made cache')}</DocumentTitle>
        <Stack hasGutter>
          <Title headingLevel="h1">{heading}</Title>
          <DamagedRecordAlert
            title={t('The record of an earlier migration of {{name}} is damaged', { name })}
            problems={damaged}
            data-test="pipcache-migration-damaged"
          >
            <p>
              {t(
                'Someone or something changed the annotation {{annotation}} on the DeploymentConfig, so nothing in it is used. Discard the record to start the migration again from the form; objects an earlier run created stay as they are.',
                { annotation: ANNOTATION_MIGRATION },
              )}
            </p>
          </DamagedRecordAlert>
          {discarding.error && (
            <Alert
              isInline
              variant="danger"
              title={t('The record was not discarded: {{message}}', {
                message: discarding.error,
              })}
              data-test="pipcache-migration-discard-error"
            />
          )}
          <ActionGroup>
            <Button
              variant="primary"
              onClick={() => void discard()}
              isLoading={discarding.busy}
              isDisabled={discarding.busy}
              data-test="pipcache-migration-discard"
            >
              {t('Discard the record')}
            </Button>
            <Button variant="link" onClick={() => navigate(-1)} data-test="pipcache-create-cancel">
              {t('Cancel')}
            </Button>
          </ActionGroup>
        </Stack>
      </PageSection>
    );
  }

  // The strategy a resumed migration builds with is checked again for the user clicking now.
  const recordedStrategy = resuming && values ? buildStrategyOf(values) : undefined;
  const strategyRefused =
    recordedStrategy !== undefined &&
    (!facts.canBuild || !facts.allowedStrategies.includes(recordedStrategy));
  const errorCount = Object.keys(form.errors).length;

  const submit = () =>
    void form.submit(async (planned, submitted) => {
      const objects = template.objects;
      if (!objects) return undefined;
      setRun({ finished: false });
      const onStep = (step: MigrationStep) => setRun({ current: step, finished: false });
      try {
        if (resuming) {
          await finishMigration(ns, submitted.name, planned, onStep);
        } else {
          const started = await migrateCache(objects, submitted, planned, claim, onStep);
          if (started.outcome === 'refused') {
            setRun(undefined);
            return started.report;
          }
        }
        setRun({ finished: true });
        navigate(detailsPagePath(ns, submitted.name));
      } catch (error) {
        const { step, info } = stepFailure(error, MIGRATION_STEPS);
        setRun((current) => ({ current: step ?? current?.current, error: info, finished: false }));
        // Once recorded, the job is finished from the record: the form's settings are fixed.
        if (step !== 'create' && step !== 'record') setResuming(true);
        template.reload();
      }
      return undefined;
    }, strategyRefused);

  let submitText = form.submitting ? t('Migrating') : t('Migrate');
  if (resuming) submitText = form.submitting ? t('Finishing') : t('Finish the migration');
  const steps = values ? MIGRATION_STEPS.filter((step) => stepApplies(step, values, claim)) : [];

  return (
    <CacheFormPage
      form={form}
      heading={heading}
      submitText={submitText}
      submitHelp={
        strategyRefused
          ? t('You may not run builds with this strategy in this project.')
          : t('Checks every object with a dry run, then replaces the old cache step by step.')
      }
      blocked={strategyRefused}
      onSubmit={submit}
      progress={
        <>
          {run && (
            <MigrationProgress
              steps={steps}
              current={run.current}
              failed={run.error !== undefined}
              finished={run.finished}
            />
          )}
          {run?.error && (
            <Alert
              variant="danger"
              isInline
              title={t('The migration stopped: {{message}}', { message: run.error.message })}
              data-test="pipcache-migration-error"
            >
              {resuming
                ? t(
                    'The old DeploymentConfig is still there, and nothing the old cache needs was deleted before the new one is ready. Correct the cause, then finish the migration: it goes on from this step.',
                  )
                : t('Nothing was changed in the cluster. Correct the cause and migrate again.')}
            </Alert>
          )}
        </>
      }
    >
      {template.objects && values && (
        <MigrationPlanAlert
          objects={template.objects}
          values={values}
          claim={claim}
          resuming={resuming}
        />
      )}
      {resuming && values && <ResumedValuesSummary values={values} />}
      {resuming && errorCount > 0 && (
        <Alert
          isInline
          variant="danger"
          title={t(
            "The recorded settings do not pass the form's checks, so the migration does not go on",
          )}
          data-test="pipcache-resume-invalid"
        >
          <List>
            {Object.entries(form.errors).map(([field, message]) => (
              <ListItem key={field}>{`${field}: ${message}`}</ListItem>
            ))}
          </List>
        </Alert>
      )}
      {strategyRefused && (
        <Alert
          isInline
          variant="danger"
          title={t('You may not run {{strategy}} builds in project {{namespace}}', {
            strategy: recordedStrategy === 'docker' ? t('Docker') : t('source-to-image'),
            namespace: ns,
          })}
          data-test="pipcache-resume-strategy"
        >
          {t(
            'The recorded migration builds its image this way. Ask a project admin to finish it, or to grant you this build strategy.',
          )}
        </Alert>
      )}
      {!resuming && binding && (
        <CacheFormSections
          form={form}
          binding={binding}
          nameHelp={t(
            'The new cache takes the name of the old one, so that its Service and Route keep their addresses.',
          )}
          nameIsFixed
          keepsClaim={claim === 'keep'}
          claimChoice={
            template.objects?.claim ? (
              <MigrationClaimChoice
                claimName={`${binding.values.name}-data`}
                size={String(template.objects.claim.spec?.resources?.requests?.storage ?? '')}
                value={claim}
                onChange={(plan) => {
                  const objects = template.objects;
                  if (!objects) return;
                  setClaim(plan);
                  binding.set((v) => ({
                    ...v,
                    storage: storageForPlan(v.storage, plan, objects),
                  }));
                }}
              />
            ) : undefined
          }
        />
      )}
    </CacheFormPage>
  );
};

export default MigrateCachePage;
