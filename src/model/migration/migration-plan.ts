import { type TFunction, filesRouteName } from '../shared';
import type { ClaimPlan, TemplateObjects } from './migration';
import type { PipCacheValues } from '../cache';

/** What a migration will do, in the order it happens, one sentence each. */
export const migrationPlan = (
  objects: TemplateObjects,
  values: PipCacheValues,
  claim: ClaimPlan,
  t: TFunction,
): string[] => {
  const { name } = values;
  const lines = [
    t(
      'Every new object is checked with a dry run first; if the cluster refuses one, nothing changes.',
    ),
  ];
  if (objects.buildConfig || objects.imageStream)
    lines.push(
      values.image.source === 'image'
        ? t(
            'The old BuildConfig and ImageStream {{name}} are deleted: the new cache runs the image you name.',
            { name },
          )
        : t(
            'The old BuildConfig and ImageStream {{name}} are replaced and the new image is built; the old cache keeps serving meanwhile.',
            { name },
          ),
    );
  if (claim === 'keep' || claim === 'replace')
    lines.push(
      t(
        'Once the image is built, the old pod is stopped, because it holds the volume claim {{claim}}; the cache is unavailable until the new pod is ready.',
        { claim: `${name}-data` },
      ),
    );
  if (claim === 'keep')
    lines.push(
      t(
        'The claim {{claim}} is kept and labelled as part of the new cache. devpi-server 6 cannot read the old server data, so it starts a folder of its own on the volume; the old files stay there until you empty the cache.',
        { claim: `${name}-data` },
      ),
    );
  if (claim === 'replace')
    lines.push(
      t(
        'The claim {{claim}} and the packages on it are deleted, and a new empty claim of {{size}} is created.',
        {
          claim: `${name}-data`,
          size: values.storage.size,
        },
      ),
    );
  if (objects.service)
    lines.push(
      t(
        'When the new cache is ready, the Service {{name}} is switched over to it and keeps its cluster IP, so builds that use its address keep working.',
        { name },
      ),
    );
  if (objects.route)
    lines.push(
      values.route.enabled
        ? t(
            'The Route {{name}} is switched over too and keeps its host {{host}}, publishing only the simple pages; a second Route {{files}} on the same host, created just before, publishes the package files.',
            {
              name,
              files: filesRouteName(name),
              host: values.route.host || objects.route.spec.host || '',
            },
          )
        : t(
            'The Route {{name}} is deleted: the mirror is no longer published outside the cluster.',
            { name },
          ),
    );
  lines.push(
    claim === 'drop'
      ? t(
          'Last, the DeploymentConfig {{name}} and the claim {{claim}} with its packages are deleted.',
          { name, claim: `${name}-data` },
        )
      : t('Last, the DeploymentConfig {{name}} is deleted, only after the new cache is ready.', {
          name,
        }),
  );
  lines.push(
    t(
      'If a step fails, the migration stops and says why; running it again finishes it from there.',
    ),
  );
  return lines;
};
