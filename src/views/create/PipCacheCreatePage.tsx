import * as React from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  ExpandableSection,
  Form,
  List,
  ListItem,
  PageSection,
  Spinner,
  Stack,
  Title,
  Tooltip,
} from '@patternfly/react-core';
import { useLocation, useNavigate, useParams } from 'react-router-dom-v5-compat';
import { removeObjects } from '../../api/create-objects';
import type { CreateReport } from '../../api/create-objects';
import { createCache } from '../../api/create-cache';
import { discardMigrationRecord, finishMigration, migrateCache } from '../../api/migrate-cache';
import { toK8sErrorInfo, type K8sErrorInfo } from '../../api/k8s-error';
import { stepFailure } from '../../api/steps';
import { useCacheInstances } from '../../hooks/useCacheInstances';
import { useClusterFacts } from '../../hooks/useClusterFacts';
import { useTemplateObjects } from '../../hooks/useTemplateObjects';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { buildManifests, generateSecrets, type GeneratedSecrets } from '../../model/manifests';
import {
  claimPlans,
  buildStrategyOf,
  migrationValues,
  MIGRATION_STEPS,
  readMigrationRecord,
  stepApplies,
  storageForPlan,
  type ClaimPlan,
  type MigrationStep,
} from '../../model/migration';
import { ANNOTATION_MIGRATION } from '../../model/contract';
import { detailsPagePath } from '../../model/namespaces';
import type { Route } from '../../model/k8s-types';
import { formFieldForCause } from '../../model/server-causes';
import { appsDomainFrom } from '../../model/urls';
import { validateValues } from '../../model/validation';
import { defaultValues, type PipCacheValues } from '../../model/values';
import type { RecordProblem } from '../../model/record-schema';
import DamagedRecordAlert from '../../components/DamagedRecordAlert';
import { freeCacheName } from '../../model/free-name';
import { DocumentTitle, useAccessReview, useK8sWatchResource } from '../../sdk/console-sdk';
import CreateReportAlert from './CreateReportAlert';
import DevpiOptionsSection from './DevpiOptionsSection';
import type { FormBinding } from './form-binding';
import ImageSourceSection from './ImageSourceSection';
import LabelsSection from './LabelsSection';
import MigrationClaimChoice from './MigrationClaimChoice';
import MigrationPlanAlert from './MigrationPlanAlert';
import MigrationProgress from './MigrationProgress';
import ResumedValuesSummary from './ResumedValuesSummary';
import NetworkSection from './NetworkSection';
import PlacementSection from './PlacementSection';
import ResourcesSection from './ResourcesSection';
import RouteSection from './RouteSection';
import StorageFields from './StorageFields';
import ValueTextField from './ValueTextField';

// The YAML view is not needed for the first paint: load js-yaml only when it is opened.
const YamlPreview = React.lazy(() => import('./YamlPreview'));

const PLUGIN_VERSION = '0.1.0';
const cryptoRandom = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length));

/** Where a migration run is: the step running (or failed), its error, whether it finished. */
interface MigrationRun {
  current?: MigrationStep;
  error?: K8sErrorInfo;
  finished: boolean;
}

/**
 * Add → PipCache: a short default path (name, storage, Create) and sections for the rest. With
 * `?migrate=<name>` the same form replaces a cache made by the original templates, prefilled
 * from its objects; a migration recorded half way is offered to be finished instead.
 */
const PipCacheCreatePage: React.FC = () => {
  const { t } = usePipCacheTranslation();
  const { ns = '' } = useParams<{ ns: string }>();
  const navigate = useNavigate();
  const migrateName = new URLSearchParams(useLocation().search).get('migrate') ?? undefined;
  const template = useTemplateObjects(ns, migrateName);
  const [claim, setClaim] = React.useState<ClaimPlan>('none');
  const [resuming, setResuming] = React.useState(false);
  const [run, setRun] = React.useState<MigrationRun>();
  // A migration record that its schema refused: shown with a way out, never used.
  const [damaged, setDamaged] = React.useState<RecordProblem[]>();
  const [discarding, setDiscarding] = React.useState<{ error?: string; busy: boolean }>({
    busy: false,
  });
  const { facts, storageClasses, projectNodeSelector, loaded } = useClusterFacts(ns);
  const { instances, loaded: cachesLoaded, loadError: cachesError } = useCacheInstances(ns);
  // Without the project's caches (not allowed to list them) the form still opens.
  const instancesLoaded = cachesLoaded || cachesError !== undefined;
  const [canCreate, checkingCreate] = useAccessReview({
    group: 'apps',
    resource: 'deployments',
    verb: 'create',
    namespace: ns,
  });
  const [values, setValues] = React.useState<PipCacheValues>();
  // Generated once per form, so that the preview and the created Secret never change under the user.
  const [secrets] = React.useState<GeneratedSecrets>(() => generateSecrets(cryptoRandom));
  const [touched, setTouched] = React.useState<Record<string, boolean>>({});
  const [submitting, setSubmitting] = React.useState(false);
  const [report, setReport] = React.useState<CreateReport>();
  const [showYaml, setShowYaml] = React.useState(false);

  React.useEffect(() => {
    if (!loaded || values) return;
    if (!migrateName) {
      // The suggested name is free in the project, so the form opens without an error; errors
      // show once a field is touched or a create is attempted.
      if (!instancesLoaded) return;
      setValues({
        ...defaultValues(facts),
        name: freeCacheName(instances.map((instance) => instance.name)),
      });
      return;
    }
    const objects = template.objects;
    if (!objects) return;
    const base = defaultValues(facts);
    const recorded = readMigrationRecord(objects.deploymentConfig, base);
    if (recorded.state === 'ok') {
      // Shown before anything runs, and checked like the form's own values below.
      setValues(recorded.record.parsedValues);
      setClaim(recorded.record.claim);
      setResuming(true);
      return;
    }
    setDamaged(recorded.state === 'damaged' ? recorded.problems : undefined);
    const plan = claimPlans(objects)[0] ?? 'none';
    const prefilled = migrationValues(base, objects);
    setValues({ ...prefilled, storage: storageForPlan(prefilled.storage, plan, objects) });
    setClaim(plan);
    setTouched({ name: true });
  }, [loaded, values, facts, migrateName, template.objects, instancesLoaded, instances]);

  // A cache that appears after the name was suggested (the watch delivers it late, or someone
  // creates one meanwhile) takes the suggestion's place: an untouched name moves to a free one,
  // so that the form never greets the user with an error they did not make.
  React.useEffect(() => {
    if (migrateName || touched.name || !values) return;
    const taken = instances.map((instance) => instance.name);
    if (taken.includes(values.name)) setValues({ ...values, name: freeCacheName(taken) });
  }, [migrateName, touched.name, values, instances]);

  // Routes of the project tell the apps domain, so the generated host can be shown exactly.
  const [routes] = useK8sWatchResource<Route[]>({
    groupVersionKind: { group: 'route.openshift.io', version: 'v1', kind: 'Route' },
    isList: true,
    namespace: ns,
  });
  const appsDomain = React.useMemo(() => appsDomainFrom(routes, ns), [routes, ns]);
  // A resumed migration may have made its Deployment already: its own name is no clash.
  const existing = React.useMemo(
    () =>
      instances
        .map((instance) => instance.name)
        .filter((name) => !(resuming && name === values?.name)),
    [instances, resuming, values?.name],
  );
  const errors = React.useMemo(
    () => (values ? validateValues(values, ns, t, existing) : {}),
    [values, ns, t, existing],
  );
  // What the cluster refused, under the field it belongs to; cleared as soon as the user edits.
  const [serverErrors, setServerErrors] = React.useState<Record<string, string>>({});
  const manifests = React.useMemo(
    () =>
      values
        ? buildManifests(values, ns, cryptoRandom, {
            pluginVersion: PLUGIN_VERSION,
            rendering: 'preview',
            secrets,
          }).filter(
            // A kept claim is not created: the preview shows only what the cluster will get.
            ({ object }) => !(claim === 'keep' && object.kind === 'PersistentVolumeClaim'),
          )
        : [],
    [values, ns, secrets, claim],
  );

  if (migrateName && template.loaded && !template.objects) {
    return (
      <PageSection data-test="pipcache-new-page">
        <DocumentTitle>{t('Replace a template-made cache')}</DocumentTitle>
        <Alert
          variant={template.error?.code === 404 ? 'info' : 'danger'}
          isInline
          title={
            template.error?.code === 404
              ? t('There is no DeploymentConfig {{name}} in project {{namespace}}', {
                  name: migrateName,
                  namespace: ns,
                })
              : t('The objects of {{name}} could not be read', { name: migrateName })
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
  if (migrateName && damaged) {
    return (
      <PageSection data-test="pipcache-new-page">
        <DocumentTitle>{t('Replace a template-made cache')}</DocumentTitle>
        <Stack hasGutter>
          <Title headingLevel="h1">
            {t('Replace {{name}} with a pip cache', { name: migrateName })}
          </Title>
          <DamagedRecordAlert
            title={t('The record of an earlier migration of {{name}} is damaged', {
              name: migrateName,
            })}
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
  if (checkingCreate || !loaded || !values) {
    return <Spinner aria-label={t('Loading')} />;
  }
  if (!canCreate) {
    return (
      <PageSection data-test="pipcache-new-page">
        <DocumentTitle>{t('Create pip cache')}</DocumentTitle>
        <Alert
          variant="info"
          isInline
          title={t('You may not create a pip cache in project {{namespace}}', { namespace: ns })}
          data-test="pipcache-create-forbidden"
        >
          {t(
            'Creating a cache needs the edit or admin role in the project. Ask a project admin to grant it, or to create the cache for you.',
          )}
        </Alert>
      </PageSection>
    );
  }

  const set = (change: (current: PipCacheValues) => PipCacheValues, field?: string) => {
    setValues((current) => (current ? change(current) : current));
    setServerErrors({});
    if (field) setTouched((current) => ({ ...current, [field]: true }));
  };
  // A limit's error can come from its request (a request above the limit), so typing in the
  // request reveals the error under the limit too; otherwise it stays hidden until submit.
  const pairedRequest: Record<string, string> = {
    'resources.memoryLimit': 'resources.memoryRequest',
    'resources.cpuLimit': 'resources.cpuRequest',
  };
  const shown = (field: string): string | undefined =>
    serverErrors[field] ??
    (touched[field] || touched[pairedRequest[field] ?? field] || touched.__submit
      ? errors[field]
      : undefined);
  const errorCount = Object.keys(errors).length;
  // The strategy a resumed migration builds with is checked again for the user clicking now.
  const recordedStrategy = resuming ? buildStrategyOf(values) : undefined;
  const strategyRefused =
    recordedStrategy !== undefined &&
    (!facts.canBuild || !facts.allowedStrategies.includes(recordedStrategy));
  const blocked = errorCount > 0 || strategyRefused;
  const canBuild =
    facts.canBuild && facts.pythonTags.length > 0 && facts.allowedStrategies.length > 0;
  const binding: FormBinding = { values, set, shown, errors };

  const migrate = async (planned: ReturnType<typeof buildManifests>) => {
    const objects = template.objects;
    if (!objects) return undefined;
    setRun({ finished: false });
    const onStep = (step: MigrationStep) => setRun({ current: step, finished: false });
    try {
      if (resuming) {
        await finishMigration(ns, values.name, planned, onStep);
      } else {
        const started = await migrateCache(objects, values, planned, claim, onStep);
        if (started.outcome === 'refused') {
          setRun(undefined);
          return started.report;
        }
      }
      setRun({ finished: true });
      navigate(detailsPagePath(ns, values.name));
    } catch (error) {
      const { step, info } = stepFailure(error, MIGRATION_STEPS);
      setRun((current) => ({ current: step ?? current?.current, error: info, finished: false }));
      // Once recorded, the job is finished from the record: the form's settings are fixed.
      if (step !== 'create' && step !== 'record') setResuming(true);
      template.reload();
    }
    return undefined;
  };

  const submit = async () => {
    setTouched((current) => ({ ...current, __submit: true }));
    if (blocked || submitting) return;
    setSubmitting(true);
    setReport(undefined);
    const planned = buildManifests(values, ns, cryptoRandom, {
      pluginVersion: PLUGIN_VERSION,
      rendering: 'create',
      secrets,
    });
    if (migrateName) {
      const refused = await migrate(planned);
      setSubmitting(false);
      if (refused) placeServerErrors(refused);
      return;
    }
    const result = await createCache(planned);
    setSubmitting(false);
    if (result.outcome === 'created') {
      navigate(detailsPagePath(ns, values.name));
      return;
    }
    placeServerErrors(result);
  };

  const placeServerErrors = (result: CreateReport) => {
    setReport(result);
    const placed: Record<string, string> = {};
    for (const object of result.objects) {
      const error = 'error' in object.fate ? object.fate.error : undefined;
      for (const cause of error?.causes ?? []) {
        const field = formFieldForCause(object.kind, cause.field);
        if (field && !placed[field]) placed[field] = cause.message;
      }
    }
    setServerErrors(placed);
  };

  const retryRemoval = async () => {
    if (!report) return;
    setSubmitting(true);
    const { leftovers } = await removeObjects(report.leftovers);
    setSubmitting(false);
    setReport({
      ...report,
      outcome: leftovers.length ? 'rollback-incomplete' : 'rolled-back',
      leftovers,
    });
  };

  const heading = migrateName
    ? t('Replace {{name}} with a pip cache', { name: migrateName })
    : t('Create pip cache');
  let submitButtonText = submitting ? t('Creating') : t('Create');
  if (migrateName && resuming)
    submitButtonText = submitting ? t('Finishing') : t('Finish the migration');
  else if (migrateName) submitButtonText = submitting ? t('Migrating') : t('Migrate');
  const steps = MIGRATION_STEPS.filter((step) => stepApplies(step, values, claim));
  const choosesClaim = Boolean(migrateName && template.objects?.claim);

  return (
    <PageSection data-test="pipcache-new-page">
      <DocumentTitle>{heading}</DocumentTitle>
      {/* A gutter between the heading, its description and the form, as on the console's pages. */}
      <Stack hasGutter>
        <Title headingLevel="h1">{heading}</Title>
        <p>
          {t(
            'A caching mirror of PyPI (devpi-server) in project {{namespace}}. Python builds that use it download each package from PyPI once.',
            {
              namespace: ns,
            },
          )}
        </p>
        {/* Limited to PatternFly's reading width, as the console's own create forms are. */}
        <Form
          isWidthLimited
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          data-test="pipcache-create-form"
        >
          {migrateName && template.objects && (
            <MigrationPlanAlert
              objects={template.objects}
              values={values}
              claim={claim}
              resuming={resuming}
            />
          )}
          {resuming && <ResumedValuesSummary values={values} />}
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
                {Object.entries(errors).map(([field, message]) => (
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
          {!resuming && (
            <>
              <ValueTextField
                binding={binding}
                field="name"
                label={t('Name')}
                value={values.name}
                update={(v, name) => ({ ...v, name })}
                help={
                  migrateName
                    ? t(
                        'The new cache takes the name of the old one, so that its Service and Route keep their addresses.',
                      )
                    : t('Names every object of the cache: its Service, Route and Deployment.')
                }
                isRequired
                isReadOnly={Boolean(migrateName)}
              />
              <StorageFields
                binding={binding}
                storageClasses={storageClasses}
                keepsClaim={claim === 'keep'}
                claimChoice={
                  choosesClaim && template.objects ? (
                    <MigrationClaimChoice
                      claimName={`${values.name}-data`}
                      size={String(
                        template.objects.claim?.spec?.resources?.requests?.storage ?? '',
                      )}
                      value={claim}
                      onChange={(plan) => {
                        const objects = template.objects;
                        if (!objects) return;
                        setClaim(plan);
                        set((v) => ({ ...v, storage: storageForPlan(v.storage, plan, objects) }));
                      }}
                    />
                  ) : undefined
                }
              />
              <ImageSourceSection
                binding={binding}
                facts={facts}
                canBuild={canBuild}
                namespace={ns}
              />
              <ResourcesSection binding={binding} />
              <PlacementSection binding={binding} projectNodeSelector={projectNodeSelector} />
              <RouteSection binding={binding} namespace={ns} appsDomain={appsDomain} />
              <DevpiOptionsSection binding={binding} />
              <NetworkSection binding={binding} />
              <LabelsSection binding={binding} />
            </>
          )}

          <ExpandableSection
            toggleText={showYaml ? t('Hide YAML') : t('Show the YAML of what will be created')}
            isExpanded={showYaml}
            onToggle={(_event, expanded) => setShowYaml(expanded)}
            data-test="pipcache-section-yaml"
          >
            {showYaml && (
              <React.Suspense fallback={<Spinner size="md" aria-label={t('Loading')} />}>
                <YamlPreview manifests={manifests} name={values.name} />
              </React.Suspense>
            )}
          </ExpandableSection>

          {migrateName && run && (
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
          {report && (
            <CreateReportAlert report={report} onRetryRemoval={() => void retryRemoval()} />
          )}
          {errorCount > 0 && Object.keys(touched).length > 0 && (
            <Alert
              variant="danger"
              isInline
              title={t('Correct the fields marked in red.')}
              data-test="pipcache-form-errors"
            />
          )}
          <ActionGroup>
            <Tooltip
              content={
                strategyRefused
                  ? t('You may not run builds with this strategy in this project.')
                  : errorCount > 0
                    ? t('{{count}} fields need attention.', { count: errorCount })
                    : migrateName
                      ? t(
                          'Checks every object with a dry run, then replaces the old cache step by step.',
                        )
                      : t('Checks every object with a dry run, then creates them.')
              }
            >
              <Button
                type="submit"
                variant="primary"
                isLoading={submitting}
                isAriaDisabled={submitting || blocked}
                data-test="pipcache-create-submit"
              >
                {submitButtonText}
              </Button>
            </Tooltip>
            <Button variant="link" onClick={() => navigate(-1)} data-test="pipcache-create-cancel">
              {t('Cancel')}
            </Button>
          </ActionGroup>
        </Form>
      </Stack>
    </PageSection>
  );
};

export default PipCacheCreatePage;
