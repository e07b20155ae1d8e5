import { pointerSegment, type PatchOperation } from '../builds';
import {
  ANNOTATION_MIGRATION,
  object,
  oneOf,
  readRecord,
  text,
  UID,
  type RecordRead,
} from '../shared';
import type {
  ClaimPlan,
  ReplacedKind,
  TemplateDeploymentConfig,
  TemplateObjects,
} from './migration';
import {
  defaultValues,
  type PipCacheValues,
  MAX_VALUES_CHARS,
  readValuesAnnotation,
} from '../cache';

/** What the migration annotation records: enough to finish from any step without the form. */
export interface MigrationRecord {
  /** The new cache's form values as the values annotation has them (no secrets). */
  values: string;
  claim: ClaimPlan;
  /** Uids of the template-made objects: only these are replaced or deleted. */
  uids: Partial<Record<ReplacedKind | 'PersistentVolumeClaim', string>>;
}
/** The uids the record keeps, from the template-made objects found. */
export const recordedUids = (objects: TemplateObjects): MigrationRecord['uids'] => {
  const uids: MigrationRecord['uids'] = {};
  const add = (kind: keyof MigrationRecord['uids'], object: { metadata?: { uid?: string } }) => {
    if (object.metadata?.uid) uids[kind] = object.metadata.uid;
  };
  if (objects.service) add('Service', objects.service);
  if (objects.route) add('Route', objects.route);
  if (objects.imageStream) add('ImageStream', objects.imageStream);
  if (objects.buildConfig) add('BuildConfig', objects.buildConfig);
  if (objects.claim) add('PersistentVolumeClaim', objects.claim);
  return uids;
};

const UIDS: readonly (ReplacedKind | 'PersistentVolumeClaim')[] = [
  'Service',
  'Route',
  'ImageStream',
  'BuildConfig',
  'PersistentVolumeClaim',
];

const uid = text({ max: 64, pattern: UID });
const migrationParser = object<MigrationRecord>({
  values: text({ max: MAX_VALUES_CHARS, free: true }),
  claim: oneOf(['keep', 'replace', 'drop', 'none'] as const),
  uids: object<MigrationRecord['uids']>(
    { Service: uid, Route: uid, ImageStream: uid, BuildConfig: uid, PersistentVolumeClaim: uid },
    UIDS,
  ),
});

/**
 * The migration left half way on a DeploymentConfig, parsed: absent, sound, or damaged. Its
 * values must pass the values annotation's schema and name this DeploymentConfig's cache, so a
 * record can never steer a run at other objects.
 */
export const readMigrationRecord = (
  dc: TemplateDeploymentConfig,
  base: PipCacheValues,
): RecordRead<MigrationRecord & { parsedValues: PipCacheValues }> => {
  const read = readRecord(
    dc.metadata?.annotations?.[ANNOTATION_MIGRATION],
    migrationParser,
    131_072,
  );
  if (read.state !== 'ok') return read;
  const values = readValuesAnnotation(read.record.values, base);
  if (values.state !== 'ok')
    return {
      state: 'damaged',
      problems:
        values.state === 'damaged'
          ? values.problems.map((problem) => ({
              ...problem,
              path: problem.path ? `values.${problem.path}` : 'values',
            }))
          : [{ path: 'values', reason: 'missing' }],
    };
  if (values.record.name !== dc.metadata?.name)
    return { state: 'damaged', problems: [{ path: 'values.name', reason: 'value' }] };
  return { state: 'ok', record: { ...read.record, parsedValues: values.record } };
};

/** The migration left half way on a DeploymentConfig, if its record is sound. */
export const readMigration = (dc: TemplateDeploymentConfig): MigrationRecord | undefined => {
  const read = readMigrationRecord(dc, defaultValues());
  if (read.state !== 'ok') return undefined;
  const { values, claim, uids } = read.record;
  return { values, claim, uids };
};
const annotationPath = `/metadata/annotations/${pointerSegment(ANNOTATION_MIGRATION)}`;

/** JSON Patch that records a migration on the DeploymentConfig, guarded by its resourceVersion. */
export const recordMigrationPatch = (
  dc: TemplateDeploymentConfig,
  record: MigrationRecord,
): PatchOperation[] => [
  { op: 'test', path: '/metadata/resourceVersion', value: dc.metadata?.resourceVersion ?? '' },
  dc.metadata?.annotations
    ? { op: 'add', path: annotationPath, value: JSON.stringify(record) }
    : {
        op: 'add',
        path: '/metadata/annotations',
        value: { [ANNOTATION_MIGRATION]: JSON.stringify(record) },
      },
];

/** JSON Patch that drops a migration record (a damaged one), guarded by the resourceVersion read. */
export const discardMigrationPatch = (dc: TemplateDeploymentConfig): PatchOperation[] => [
  { op: 'test', path: '/metadata/resourceVersion', value: dc.metadata?.resourceVersion ?? '' },
  { op: 'remove', path: annotationPath },
];
