import * as React from 'react';
import { removeObjects, type CreateReport } from '../../api/create-objects';
import { useCacheInstances } from '../../hooks/useCacheInstances';
import { useClusterFacts, type FormFacts } from '../../hooks/useClusterFacts';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { type Route, accessOf, KINDS, appsDomainFrom } from '../../model/shared';
import {
  generateSecrets,
  type GeneratedSecrets,
  buildManifests,
  formFieldForCause,
  validateValues,
  type PipCacheValues,
} from '../../model/cache';
import { useAccessReview, useK8sWatchResource } from '../../sdk/console-sdk';
import type { FormBinding } from '../shared/form-binding';

const PLUGIN_VERSION = '0.1.0';
const cryptoRandom = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length));

type Manifests = ReturnType<typeof buildManifests>;

/** The objects of a cache as the preview shows them or as they are created, with this form's secrets. */
const render = (
  values: PipCacheValues,
  namespace: string,
  secrets: GeneratedSecrets,
  rendering: 'preview' | 'create',
): Manifests =>
  buildManifests(values, namespace, cryptoRandom, {
    pluginVersion: PLUGIN_VERSION,
    rendering,
    secrets,
  });

// A limit's error can come from its request (a request above the limit), so typing in the
// request reveals the error under the limit too; otherwise it stays hidden until submit.
const PAIRED_REQUEST: Record<string, string> = {
  'resources.memoryLimit': 'resources.memoryRequest',
  'resources.cpuLimit': 'resources.cpuRequest',
};

interface CacheFormOptions {
  namespace: string;
  /** The form's own name is no clash: a resumed migration may have made its Deployment already. */
  nameIsOwn?: boolean;
  /** A migration that keeps the old claim: the preview leaves the claim out, as the cluster will. */
  keepsClaim?: boolean;
}

/** The state of the create and migrate forms, and what the cluster tells them. */
export interface CacheForm extends FormFacts {
  namespace: string;
  /** Undefined until the page starts the form with its first values. */
  values?: PipCacheValues;
  /** Starts (or restarts) the form with these values; `touched` fields show their errors at once. */
  start: (values: PipCacheValues, touched?: string[]) => void;
  touched: Record<string, boolean>;
  /** Every validation error of the values, by field path. */
  errors: Record<string, string>;
  /** What a section needs; undefined until the form has started. */
  binding?: FormBinding;
  /** The names of the project's caches, and whether they are known (or cannot be). */
  cacheNames: string[];
  cachesKnown: boolean;
  canCreate: boolean;
  checkingCreate: boolean;
  /** Whether the cluster can build here: a usable python tag, a strategy, the build API. */
  canBuild: boolean;
  /** The apps domain learnt from the project's routes, to show a generated host exactly. */
  appsDomain?: string;
  /** What the YAML view shows: what the cluster will get. */
  preview: Manifests;
  submitting: boolean;
  report?: CreateReport;
  /**
   * Shows every field's error, then unless one has an error or `blocked` hands the manifests to `send`; a report it returns
   * (the cluster refused) is shown, with each cause under the field it belongs to.
   */
  submit: (
    send: (planned: Manifests, values: PipCacheValues) => Promise<CreateReport | undefined>,
    blocked: boolean,
  ) => Promise<void>;
  /** Deletes again what a failed create left behind. */
  retryRemoval: () => Promise<void>;
}

/**
 * The form's state machine, shared by Create and Migrate: values, which fields were touched,
 * validation from the model, the cluster's own refusals under their fields, the preview, and
 * the dry run and create in progress.
 */
export const useCacheForm = ({ namespace, nameIsOwn, keepsClaim }: CacheFormOptions): CacheForm => {
  const { t } = usePipCacheTranslation();
  const clusterFacts = useClusterFacts(namespace);
  const { facts } = clusterFacts;
  const { instances, loaded: cachesLoaded, loadError: cachesError } = useCacheInstances(namespace);
  const [canCreate, checkingCreate] = useAccessReview(
    accessOf(KINDS.Deployment, 'create', { namespace }),
  );
  // Routes of the project tell the apps domain, so the generated host can be shown exactly.
  const [routes] = useK8sWatchResource<Route[]>({
    groupVersionKind: KINDS.Route.gvk,
    isList: true,
    namespace,
  });
  const appsDomain = React.useMemo(() => appsDomainFrom(routes, namespace), [routes, namespace]);
  const [values, setValues] = React.useState<PipCacheValues>();
  // Generated once per form, so that the preview and the created Secret never change under the user.
  const [secrets] = React.useState<GeneratedSecrets>(() => generateSecrets(cryptoRandom));
  const [touched, setTouched] = React.useState<Record<string, boolean>>({});
  // What the cluster refused, under the field it belongs to; cleared as soon as the user edits.
  const [serverErrors, setServerErrors] = React.useState<Record<string, string>>({});
  const [submitting, setSubmitting] = React.useState(false);
  const [report, setReport] = React.useState<CreateReport>();

  const cacheNames = React.useMemo(() => instances.map((instance) => instance.name), [instances]);
  const existing = React.useMemo(
    () => cacheNames.filter((name) => !(nameIsOwn && name === values?.name)),
    [cacheNames, nameIsOwn, values?.name],
  );
  const errors = React.useMemo(
    () => (values ? validateValues(values, namespace, t, existing) : {}),
    [values, namespace, t, existing],
  );
  const preview = React.useMemo(
    () =>
      values
        ? render(values, namespace, secrets, 'preview').filter(
            // A kept claim is not created: the preview shows only what the cluster will get.
            ({ object }) => !(keepsClaim && object.kind === 'PersistentVolumeClaim'),
          )
        : [],
    [values, namespace, secrets, keepsClaim],
  );

  const start = React.useCallback((first: PipCacheValues, touchedFields: string[] = []) => {
    setValues(first);
    setTouched(Object.fromEntries(touchedFields.map((field) => [field, true])));
  }, []);

  const set: FormBinding['set'] = (change, field) => {
    setValues((current) => (current ? change(current) : current));
    setServerErrors({});
    if (field) setTouched((current) => ({ ...current, [field]: true }));
  };
  const shown = (field: string): string | undefined =>
    serverErrors[field] ??
    (touched[field] || touched[PAIRED_REQUEST[field] ?? field] || touched.__submit
      ? errors[field]
      : undefined);

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

  const submit: CacheForm['submit'] = async (send, blocked) => {
    setTouched((current) => ({ ...current, __submit: true }));
    if (!values || Object.keys(errors).length > 0 || blocked || submitting) return;
    setSubmitting(true);
    setReport(undefined);
    const refused = await send(render(values, namespace, secrets, 'create'), values);
    setSubmitting(false);
    if (refused) placeServerErrors(refused);
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

  return {
    ...clusterFacts,
    namespace,
    values,
    start,
    touched,
    errors,
    binding: values ? { values, set, shown, errors } : undefined,
    cacheNames,
    // Without the project's caches (not allowed to list them) the form still opens.
    cachesKnown: cachesLoaded || cachesError !== undefined,
    canCreate,
    checkingCreate,
    canBuild: facts.canBuild && facts.pythonTags.length > 0 && facts.allowedStrategies.length > 0,
    appsDomain,
    preview,
    submitting,
    report,
    submit,
    retryRemoval,
  };
};
