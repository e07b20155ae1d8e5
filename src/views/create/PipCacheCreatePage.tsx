import * as React from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  Checkbox,
  ExpandableSection,
  Form,
  FormSelect,
  FormSelectOption,
  PageSection,
  Radio,
  Spinner,
  TextInput,
  Title,
  Tooltip,
} from '@patternfly/react-core';
import { useLocation, useNavigate, useParams } from 'react-router-dom-v5-compat';
import { removeObjects } from '../../api/create-objects';
import type { CreateReport } from '../../api/create-objects';
import { createCache } from '../../api/create-cache';
import { finishMigration, migrateCache, MigrationError } from '../../api/migrate-cache';
import { toK8sErrorInfo, type K8sErrorInfo } from '../../api/k8s-error';
import FormField from '../../components/FormField';
import KeyValueEditor from '../../components/KeyValueEditor';
import { useCacheInstances } from '../../hooks/useCacheInstances';
import { useClusterFacts } from '../../hooks/useClusterFacts';
import { useTemplateObjects } from '../../hooks/useTemplateObjects';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { buildManifests, generateSecrets, type GeneratedSecrets } from '../../model/manifests';
import {
  claimPlans,
  migrationValues,
  MIGRATION_STEPS,
  readMigration,
  stepApplies,
  storageForPlan,
  type ClaimPlan,
  type MigrationStep,
} from '../../model/migration';
import { detailsPagePath } from '../../model/namespaces';
import type { Route } from '../../model/k8s-types';
import { formFieldForCause } from '../../model/server-causes';
import { appsDomainFrom } from '../../model/urls';
import { devpiVersionNote, validateValues } from '../../model/validation';
import { defaultValues, type PipCacheValues } from '../../model/values';
import { fromValuesAnnotation } from '../../model/values-annotation';
import { DocumentTitle, useAccessReview, useK8sWatchResource } from '../../sdk/console-sdk';
import CreateReportAlert from './CreateReportAlert';
import MigrationClaimChoice from './MigrationClaimChoice';
import MigrationPlanAlert from './MigrationPlanAlert';
import MigrationProgress from './MigrationProgress';

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
  const { facts, storageClasses, projectNodeSelector, loaded } = useClusterFacts(ns);
  const { instances } = useCacheInstances(ns);
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
      setValues(defaultValues(facts));
      // The suggested name is checked at once: a clash with an existing cache shows right away.
      setTouched({ name: true });
      return;
    }
    const objects = template.objects;
    if (!objects) return;
    const base = defaultValues(facts);
    const recorded = readMigration(objects.deploymentConfig);
    const fromRecord = recorded && fromValuesAnnotation(recorded.values, base);
    if (recorded && fromRecord) {
      setValues(fromRecord);
      setClaim(recorded.claim);
      setResuming(true);
      return;
    }
    const plan = claimPlans(objects)[0] ?? 'none';
    const prefilled = migrationValues(base, objects);
    setValues({ ...prefilled, storage: storageForPlan(prefilled.storage, plan, objects) });
    setClaim(plan);
    setTouched({ name: true });
  }, [loaded, values, facts, migrateName, template.objects]);

  // Routes of the project tell the apps domain, so the generated host can be shown exactly.
  const [routes] = useK8sWatchResource<Route[]>({
    groupVersionKind: { group: 'route.openshift.io', version: 'v1', kind: 'Route' },
    isList: true,
    namespace: ns,
  });
  const appsDomain = React.useMemo(() => appsDomainFrom(routes, ns), [routes, ns]);
  const existing = React.useMemo(() => instances.map((instance) => instance.name), [instances]);
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
  const canBuild =
    facts.canBuild && facts.pythonTags.length > 0 && facts.allowedStrategies.length > 0;

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
      const step = error instanceof MigrationError ? error.step : undefined;
      const info = error instanceof MigrationError ? error.info : toK8sErrorInfo(error);
      setRun((current) => ({ current: step ?? current?.current, error: info, finished: false }));
      // Once recorded, the job is finished from the record: the form's settings are fixed.
      if (step !== 'create' && step !== 'record') setResuming(true);
      template.reload();
    }
    return undefined;
  };

  const submit = async () => {
    setTouched((current) => ({ ...current, __submit: true }));
    if ((errorCount > 0 && !resuming) || submitting) return;
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

  const text = (
    field: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    help?: string,
    extra: Partial<React.ComponentProps<typeof TextInput>> = {},
  ) => {
    const id = `pipcache-${field.replace(/\./g, '-')}`;
    return (
      <FormField
        label={label}
        fieldId={id}
        help={help}
        error={shown(field)}
        isRequired={extra.isRequired}
      >
        <TextInput
          id={id}
          value={value}
          validated={shown(field) ? 'error' : 'default'}
          onChange={(_event, next) => {
            onChange(next);
            setServerErrors({});
            setTouched((current) => ({ ...current, [field]: true }));
          }}
          data-test={id}
          {...extra}
        />
      </FormField>
    );
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
      <Title headingLevel="h1">{heading}</Title>
      <p>
        {t(
          'A caching mirror of PyPI (devpi-server) in project {{namespace}}. Python builds that use it download each package from PyPI once.',
          {
            namespace: ns,
          },
        )}
      </p>
      <Form
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
        {!resuming && (
          <>
            {text(
              'name',
              t('Name'),
              values.name,
              (name) => set((v) => ({ ...v, name })),
              migrateName
                ? t(
                    'The new cache takes the name of the old one, so that its Service and Route keep their addresses.',
                  )
                : t('Names every object of the cache: its Service, Route and Deployment.'),
              { isRequired: true, ...(migrateName ? { readOnlyVariant: 'default' as const } : {}) },
            )}

            {choosesClaim && template.objects ? (
              <MigrationClaimChoice
                claimName={`${values.name}-data`}
                size={String(template.objects.claim?.spec?.resources?.requests?.storage ?? '')}
                value={claim}
                onChange={(plan) => {
                  const objects = template.objects;
                  if (!objects) return;
                  setClaim(plan);
                  set((v) => ({ ...v, storage: storageForPlan(v.storage, plan, objects) }));
                }}
              />
            ) : (
              <FormField label={t('Storage')} fieldId="pipcache-storage" help={undefined}>
                <Radio
                  id="pipcache-storage-ephemeral"
                  name="storage"
                  label={t('Ephemeral')}
                  description={t('Lost when the pod restarts; for trying it out.')}
                  isChecked={values.storage.kind === 'ephemeral'}
                  onChange={() =>
                    set((v) => ({ ...v, storage: { ...v.storage, kind: 'ephemeral' } }))
                  }
                />
                <Radio
                  id="pipcache-storage-persistent"
                  name="storage"
                  label={t('Persistent volume')}
                  description={t(
                    'Keeps cached packages across restarts. devpi never deletes packages, so size it for what your builds install.',
                  )}
                  isChecked={values.storage.kind === 'persistent'}
                  onChange={() =>
                    set((v) => ({ ...v, storage: { ...v.storage, kind: 'persistent' } }))
                  }
                />
              </FormField>
            )}
            {values.storage.kind === 'persistent' && claim !== 'keep' && (
              <>
                {text(
                  'storage.size',
                  t('Size'),
                  values.storage.size,
                  (size) => set((v) => ({ ...v, storage: { ...v.storage, size } })),
                  t('For example 512Mi or 5Gi.'),
                )}
                <FormField
                  label={t('Storage class')}
                  fieldId="pipcache-storage-class"
                  help={t('Empty uses the cluster default.')}
                >
                  <FormSelect
                    id="pipcache-storage-class"
                    value={values.storage.storageClass}
                    onChange={(_event, storageClass) =>
                      set((v) => ({ ...v, storage: { ...v.storage, storageClass } }))
                    }
                    data-test="pipcache-storage-class"
                  >
                    <FormSelectOption value="" label={t('Cluster default')} />
                    {storageClasses.map((storageClass) => (
                      <FormSelectOption
                        key={storageClass.name}
                        value={storageClass.name}
                        label={
                          storageClass.isDefault
                            ? t('{{name}} (default)', { name: storageClass.name })
                            : storageClass.name
                        }
                      />
                    ))}
                  </FormSelect>
                </FormField>
              </>
            )}

            <ExpandableSection toggleText={t('Image source')} data-test="pipcache-section-image">
              <Radio
                id="pipcache-image-build"
                name="image-source"
                label={t('Build devpi-server in the cluster')}
                description={
                  canBuild
                    ? t(
                        'From the python image stream of the cluster, with a pinned devpi-server version.',
                      )
                    : t(
                        'Not available: the cluster has no python image stream with Python 3.9 or later, or you may not run builds here.',
                      )
                }
                isDisabled={!canBuild}
                isChecked={values.image.source === 'build'}
                onChange={() => set((v) => ({ ...v, image: { ...v.image, source: 'build' } }))}
              />
              <Radio
                id="pipcache-image-git"
                name="image-source"
                label={t('Build from a git repository (as the original templates did)')}
                isDisabled={!canBuild}
                isChecked={values.image.source === 'git'}
                onChange={() =>
                  set((v) => ({ ...v, image: { ...v.image, source: 'git', strategy: 's2i' } }))
                }
              />
              <Radio
                id="pipcache-image-existing"
                name="image-source"
                label={t('Use an existing image')}
                description={t('An image that has devpi-server 6 installed; nothing is built.')}
                isChecked={values.image.source === 'image'}
                onChange={() => set((v) => ({ ...v, image: { ...v.image, source: 'image' } }))}
              />
              {values.image.source !== 'image' && (
                <FormField
                  label={t('Python version')}
                  fieldId="pipcache-python-tag"
                  error={shown('image.pythonTag')}
                >
                  <FormSelect
                    id="pipcache-python-tag"
                    value={values.image.pythonTag}
                    onChange={(_event, pythonTag) =>
                      set((v) => ({ ...v, image: { ...v.image, pythonTag } }), 'image.pythonTag')
                    }
                  >
                    {facts.pythonTags.map((tag) => (
                      <FormSelectOption key={tag} value={tag} label={tag} />
                    ))}
                  </FormSelect>
                </FormField>
              )}
              {values.image.source === 'build' && (
                <>
                  {text(
                    'image.devpiVersion',
                    t('devpi-server version'),
                    values.image.devpiVersion,
                    (devpiVersion) => set((v) => ({ ...v, image: { ...v.image, devpiVersion } })),
                    devpiVersionNote(values.image.devpiVersion, t) ??
                      t('A 6.x release (6.0 or later, below 7).'),
                  )}
                  <FormField label={t('Build strategy')} fieldId="pipcache-strategy">
                    {(['docker', 's2i'] as const).map((strategy) => {
                      const allowed = facts.allowedStrategies.includes(strategy);
                      const radio = (
                        <Radio
                          key={strategy}
                          id={`pipcache-strategy-${strategy}`}
                          name="strategy"
                          label={
                            strategy === 'docker'
                              ? t('Docker (inline Dockerfile)')
                              : t('Source-to-image (requirements.txt from a ConfigMap)')
                          }
                          isDisabled={!allowed}
                          description={
                            allowed
                              ? undefined
                              : t('You may not run builds of this strategy in this project.')
                          }
                          isChecked={values.image.strategy === strategy}
                          onChange={() => set((v) => ({ ...v, image: { ...v.image, strategy } }))}
                        />
                      );
                      return radio;
                    })}
                  </FormField>
                </>
              )}
              {values.image.source === 'git' && (
                <>
                  {text('image.gitUrl', t('Git repository'), values.image.gitUrl, (gitUrl) =>
                    set((v) => ({ ...v, image: { ...v.image, gitUrl } })),
                  )}
                  {text(
                    'image.gitRef',
                    t('Git reference'),
                    values.image.gitRef,
                    (gitRef) => set((v) => ({ ...v, image: { ...v.image, gitRef } })),
                    t('Branch, tag or commit; empty = the default branch.'),
                  )}
                  {text(
                    'image.contextDir',
                    t('Context folder'),
                    values.image.contextDir,
                    (contextDir) => set((v) => ({ ...v, image: { ...v.image, contextDir } })),
                  )}
                  <Checkbox
                    id="pipcache-webhook"
                    label={t('Add a GitHub webhook trigger')}
                    description={t(
                      'New clusters also need a RoleBinding of system:webhook for GitHub to reach it: oc policy add-role-to-group system:webhook system:unauthenticated -n {{namespace}}',
                      { namespace: ns },
                    )}
                    isChecked={values.image.githubWebhook}
                    onChange={(_event, githubWebhook) =>
                      set((v) => ({ ...v, image: { ...v.image, githubWebhook } }))
                    }
                  />
                </>
              )}
              {values.image.source === 'image' &&
                text(
                  'image.reference',
                  t('Image'),
                  values.image.reference,
                  (reference) => set((v) => ({ ...v, image: { ...v.image, reference } })),
                  t('For example quay.io/team/devpi-server:6.19.1.'),
                )}
            </ExpandableSection>

            <ExpandableSection toggleText={t('Resources')} data-test="pipcache-section-resources">
              {text(
                'resources.memoryRequest',
                t('Memory request'),
                values.resources.memoryRequest,
                (memoryRequest) =>
                  set((v) => ({ ...v, resources: { ...v.resources, memoryRequest } })),
              )}
              {text(
                'resources.memoryLimit',
                t('Memory limit'),
                values.resources.memoryLimit,
                (memoryLimit) => set((v) => ({ ...v, resources: { ...v.resources, memoryLimit } })),
                t('devpi needs room for its first start; 768Mi is safe.'),
              )}
              {text(
                'resources.cpuRequest',
                t('CPU request'),
                values.resources.cpuRequest,
                (cpuRequest) => set((v) => ({ ...v, resources: { ...v.resources, cpuRequest } })),
              )}
              {text(
                'resources.cpuLimit',
                t('CPU limit'),
                values.resources.cpuLimit,
                (cpuLimit) => set((v) => ({ ...v, resources: { ...v.resources, cpuLimit } })),
                t('Empty = no limit.'),
              )}
            </ExpandableSection>

            <ExpandableSection toggleText={t('Placement')} data-test="pipcache-section-placement">
              {projectNodeSelector && (
                <Alert
                  variant="info"
                  isInline
                  isPlain
                  title={t('This project places pods on nodes with {{selector}} by default.', {
                    selector: projectNodeSelector,
                  })}
                />
              )}
              <Title headingLevel="h3">{t('Node selector for the image build')}</Title>
              <KeyValueEditor
                id="pipcache-build-selector"
                prefix="placement.build"
                rows={values.placement.build}
                errors={errors}
                addLabel={t('Add node selector')}
                onChange={(build) => set((v) => ({ ...v, placement: { ...v.placement, build } }))}
              />
              <Title headingLevel="h3">{t('Node selector for the cache pod')}</Title>
              <KeyValueEditor
                id="pipcache-pod-selector"
                prefix="placement.pods"
                rows={values.placement.pods}
                errors={errors}
                addLabel={t('Add node selector')}
                onChange={(pods) => set((v) => ({ ...v, placement: { ...v.placement, pods } }))}
              />
            </ExpandableSection>

            <ExpandableSection toggleText={t('Route')} data-test="pipcache-section-route">
              <Checkbox
                id="pipcache-route-enabled"
                label={t('Publish the mirror outside the cluster with a Route')}
                description={t(
                  'Only /root/pypi is published; builds in the cluster use the Service either way.',
                )}
                isChecked={values.route.enabled}
                onChange={(_event, enabled) =>
                  set((v) => ({ ...v, route: { ...v.route, enabled } }))
                }
              />
              {values.route.enabled && (
                <>
                  {text(
                    'route.host',
                    t('Host'),
                    values.route.host,
                    (host) => set((v) => ({ ...v, route: { ...v.route, host } })),
                    t('Empty = generated: {{host}}', {
                      host: `${values.name}-${ns}.${appsDomain ?? t('<apps domain of the cluster>')}`,
                    }),
                  )}
                  <Checkbox
                    id="pipcache-route-allow-http"
                    label={t('Also serve plain http (otherwise http redirects to https)')}
                    isChecked={values.route.insecureEdgeTermination === 'Allow'}
                    onChange={(_event, allow) =>
                      set((v) => ({
                        ...v,
                        route: {
                          ...v.route,
                          insecureEdgeTermination: allow ? 'Allow' : 'Redirect',
                        },
                      }))
                    }
                  />
                  {text(
                    'route.allowedCidrs',
                    t('Allowed source addresses'),
                    values.route.allowedCidrs,
                    (allowedCidrs) => set((v) => ({ ...v, route: { ...v.route, allowedCidrs } })),
                    t('CIDRs separated by spaces, such as 10.0.0.0/8; empty = everyone.'),
                  )}
                </>
              )}
            </ExpandableSection>

            <ExpandableSection toggleText={t('devpi options')} data-test="pipcache-section-devpi">
              {text(
                'devpi.upstreamUrl',
                t('Upstream index'),
                values.devpi.upstreamUrl,
                (upstreamUrl) => set((v) => ({ ...v, devpi: { ...v.devpi, upstreamUrl } })),
                t(
                  'Empty = PyPI. For example a company Nexus: https://nexus.example.com/repository/pypi/simple/',
                ),
              )}
              {text(
                'devpi.upstreamUsername',
                t('Upstream user name'),
                values.devpi.upstreamUsername,
                (upstreamUsername) =>
                  set((v) => ({ ...v, devpi: { ...v.devpi, upstreamUsername } })),
              )}
              {text(
                'devpi.upstreamPassword',
                t('Upstream password'),
                values.devpi.upstreamPassword,
                (upstreamPassword) =>
                  set((v) => ({ ...v, devpi: { ...v.devpi, upstreamPassword } })),
                t('Kept only in the Secret {{name}}-root.', { name: values.name }),
                { type: 'password' },
              )}
              {text(
                'devpi.cacheExpiry',
                t('Cache expiry (seconds)'),
                values.devpi.cacheExpiry,
                (cacheExpiry) => set((v) => ({ ...v, devpi: { ...v.devpi, cacheExpiry } })),
                t(
                  'How long devpi trusts its list of a project before asking upstream again; empty = 1800.',
                ),
              )}
              {text(
                'devpi.requestTimeout',
                t('Upstream timeout (seconds)'),
                values.devpi.requestTimeout,
                (requestTimeout) => set((v) => ({ ...v, devpi: { ...v.devpi, requestTimeout } })),
                t('Empty = 5.'),
              )}
              <Checkbox
                id="pipcache-offline"
                label={t('Offline: serve only what is cached')}
                isChecked={values.devpi.offline}
                onChange={(_event, offline) =>
                  set((v) => ({ ...v, devpi: { ...v.devpi, offline } }))
                }
              />
            </ExpandableSection>

            <ExpandableSection toggleText={t('Network')} data-test="pipcache-section-network">
              <Checkbox
                id="pipcache-network-policy"
                label={t('Add a NetworkPolicy that admits builds from other projects')}
                description={t(
                  'Also admits the router, the API server (for the health check) and this project.',
                )}
                isChecked={values.network.policy}
                onChange={(_event, policy) =>
                  set((v) => ({ ...v, network: { ...v.network, policy } }))
                }
              />
              {values.network.policy &&
                text(
                  'network.clientProjects',
                  t('Client projects'),
                  values.network.clientProjects,
                  (clientProjects) =>
                    set((v) => ({ ...v, network: { ...v.network, clientProjects } })),
                  t('Separated by spaces; empty = every project.'),
                )}
              <Checkbox
                id="pipcache-proxy"
                label={t('Reach the upstream through an HTTP proxy')}
                isChecked={values.proxy.enabled}
                onChange={(_event, enabled) =>
                  set((v) => ({ ...v, proxy: { ...v.proxy, enabled, trustedCa: enabled } }))
                }
              />
              {values.proxy.enabled && (
                <>
                  {text('proxy.httpProxy', t('HTTP proxy'), values.proxy.httpProxy, (httpProxy) =>
                    set((v) => ({ ...v, proxy: { ...v.proxy, httpProxy } })),
                  )}
                  {text(
                    'proxy.httpsProxy',
                    t('HTTPS proxy'),
                    values.proxy.httpsProxy,
                    (httpsProxy) => set((v) => ({ ...v, proxy: { ...v.proxy, httpsProxy } })),
                  )}
                  {text('proxy.noProxy', t('No proxy for'), values.proxy.noProxy, (noProxy) =>
                    set((v) => ({ ...v, proxy: { ...v.proxy, noProxy } })),
                  )}
                </>
              )}
            </ExpandableSection>

            <ExpandableSection toggleText={t('Labels')} data-test="pipcache-section-labels">
              {text(
                'applicationGroup',
                t('Application group'),
                values.applicationGroup,
                (applicationGroup) => set((v) => ({ ...v, applicationGroup })),
                t('Groups the parts in Topology; empty = the name.'),
              )}
              <KeyValueEditor
                id="pipcache-labels"
                prefix="labels"
                rows={values.labels}
                errors={errors}
                addLabel={t('Add label')}
                onChange={(labels) => set((v) => ({ ...v, labels }))}
              />
            </ExpandableSection>
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
        {report && <CreateReportAlert report={report} onRetryRemoval={() => void retryRemoval()} />}
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
              errorCount > 0 && !resuming
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
              isAriaDisabled={submitting || (errorCount > 0 && !resuming)}
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
    </PageSection>
  );
};

export default PipCacheCreatePage;
