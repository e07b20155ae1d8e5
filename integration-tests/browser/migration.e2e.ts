import { templateObjects } from './template-objects';
import { expect, test } from './fixtures';

const one = async (
  cluster: { objects: (kind?: string, namespace?: string) => Promise<any[]> },
  kind: string,
  name: string,
) => (await cluster.objects(kind, 'demo')).find((o) => o.metadata.name === name);

test.describe('migrating a cache made by the original templates', () => {
  test('replaces it in one action, keeping the claim, the cluster IP and the route host', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(templateObjects());
    await cluster.faults({ stepMs: 200 });
    const claimBefore = await one(cluster, 'PersistentVolumeClaim', 'oldcache-data');

    await page.goto('/pipcache/ns/demo');
    await page.getByTestId('pipcache-migrate-oldcache').click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/~new\?migrate=oldcache$/);
    await expect(
      page.getByRole('heading', { name: 'Replace oldcache with a pip cache' }),
    ).toBeVisible();
    const plan = page.getByTestId('pipcache-migration-plan');
    await expect(plan).toContainText('keeps its cluster IP');
    await expect(plan).toContainText('keeps its host pypi.apps.demo.example.com');
    await expect(plan).toContainText('a second Route oldcache-files on the same host');
    await expect(page.getByTestId('pipcache-name')).toHaveValue('oldcache');
    await expect(page.getByTestId('pipcache-name')).toHaveAttribute('readonly', '');

    // The templates' 256Mi memory limit is raised to what devpi 6 needs; the CPU limit stays.
    await page.getByRole('button', { name: 'Resources' }).click();
    await expect(page.getByTestId('pipcache-resources-memoryLimit')).toHaveValue('1536Mi');
    await expect(page.getByTestId('pipcache-resources-cpuLimit')).toHaveValue('1');

    await page.getByTestId('pipcache-migration-claim-keep').check();
    await expect(plan).toContainText('The claim oldcache-data is kept');
    await page.getByTestId('pipcache-create-submit').click();

    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/oldcache$/, { timeout: 30_000 });
    expect(await one(cluster, 'DeploymentConfig', 'oldcache')).toBeUndefined();
    expect(await one(cluster, 'Pod', 'oldcache-1-x7k2p')).toBeUndefined();
    const service = await one(cluster, 'Service', 'oldcache');
    expect(service.spec.clusterIP).toBe('172.30.9.9');
    expect(service.spec.selector).toEqual({
      'app.kubernetes.io/name': 'pipcache',
      'app.kubernetes.io/instance': 'oldcache',
    });
    expect(service.metadata.labels.template).toBeUndefined();
    const route = await one(cluster, 'Route', 'oldcache');
    expect(route.spec.host).toBe('pypi.apps.demo.example.com');
    expect(route.spec.path).toBe('/root/pypi/+simple');
    expect(route.metadata.labels['app.kubernetes.io/managed-by']).toBe('pipcache-plugin');
    // The package files are published by a second Route on the host the old Route kept.
    const files = await one(cluster, 'Route', 'oldcache-files');
    expect(files.spec.host).toBe('pypi.apps.demo.example.com');
    expect(files.spec.path).toBe('/root/pypi/+f');
    expect(files.metadata.labels['app.kubernetes.io/instance']).toBe('oldcache');
    const claim = await one(cluster, 'PersistentVolumeClaim', 'oldcache-data');
    expect(claim.metadata.uid).toBe(claimBefore.metadata.uid);
    expect(claim.metadata.labels['app.kubernetes.io/instance']).toBe('oldcache');
    expect(claim.metadata.labels.template).toBeUndefined();
    const buildConfig = await one(cluster, 'BuildConfig', 'oldcache');
    expect(buildConfig.spec.nodeSelector).toEqual({ speed: 'fast' });
    expect(buildConfig.metadata.labels['app.kubernetes.io/managed-by']).toBe('pipcache-plugin');
    const deployment = await one(cluster, 'Deployment', 'oldcache');
    expect(deployment.spec.template.spec.nodeSelector).toEqual({ speed: 'fast' });
    expect(deployment.status.readyReplicas).toBe(1);

    // The list now shows a pip cache and no template-made one.
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-row')).toHaveCount(1);
    await expect(page.getByTestId('pipcache-template-caches')).toHaveCount(0);
  });

  test('stops half way when the cluster refuses a step, keeps the old cache, and finishes on a second run', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(templateObjects());
    const claimBefore = await one(cluster, 'PersistentVolumeClaim', 'oldcache-data');
    // The new image's build fails: after the dry run, the new Secrets and the record, and the
    // new BuildConfig, but before anything of the old cache stops.
    await cluster.faults({ stepMs: 200, failBuilds: true });

    await page.goto('/pipcache/ns/demo/~new?migrate=oldcache');
    // The default: a new, empty claim of the old size.
    await expect(page.getByTestId('pipcache-migration-claim-replace')).toBeChecked();
    await expect(page.getByTestId('pipcache-storage-size')).toHaveValue('2Gi');
    await page.getByTestId('pipcache-create-submit').click();

    const error = page.getByTestId('pipcache-migration-error');
    await expect(error).toContainText('The migration stopped', { timeout: 30_000 });
    await expect(error).toContainText('The old DeploymentConfig is still there');
    await expect(error).toContainText('Build oldcache-1 ended Failed');
    await expect(page.getByTestId('pipcache-migration-step-wait-image')).toHaveAttribute(
      'data-state',
      'failed',
    );
    await expect(page.getByTestId('pipcache-migration-step-build')).toHaveAttribute(
      'data-state',
      'done',
    );
    const halfway = await one(cluster, 'DeploymentConfig', 'oldcache');
    expect(halfway.metadata.annotations['pipcache-plugin/migration']).toBeDefined();
    // The old cache still serves: its pod runs and its Service still selects it.
    expect(halfway.spec.replicas).toBe(1);
    expect(await one(cluster, 'Pod', 'oldcache-1-x7k2p')).toBeDefined();
    expect((await one(cluster, 'Service', 'oldcache')).metadata.labels.template).toBe(
      'pipcache-persistent',
    );

    // Another visit sees the unfinished migration, in the list and on the page, and finishes it.
    await cluster.faults({ failBuilds: false });
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-template-oldcache')).toContainText('stopped half way');
    await page.getByTestId('pipcache-migrate-oldcache').click();
    await expect(page.getByTestId('pipcache-migration-plan')).toContainText(
      'The migration of oldcache stopped half way',
    );
    await expect(page.getByTestId('pipcache-name')).toHaveCount(0);
    await page.getByRole('button', { name: 'Finish the migration' }).click();

    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/oldcache$/, { timeout: 30_000 });
    expect(await one(cluster, 'DeploymentConfig', 'oldcache')).toBeUndefined();
    const service = await one(cluster, 'Service', 'oldcache');
    expect(service.spec.clusterIP).toBe('172.30.9.9');
    expect(service.metadata.labels['app.kubernetes.io/managed-by']).toBe('pipcache-plugin');
    const claim = await one(cluster, 'PersistentVolumeClaim', 'oldcache-data');
    expect(claim.metadata.uid).not.toBe(claimBefore.metadata.uid);
    expect(claim.metadata.labels['app.kubernetes.io/instance']).toBe('oldcache');
  });

  test('an ephemeral replacement without a Route: the old Route and, at the end, the old claim are deleted', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(templateObjects());
    await cluster.faults({ stepMs: 200 });
    await page.goto('/pipcache/ns/demo/~new?migrate=oldcache');
    await page.getByTestId('pipcache-migration-claim-drop').check();
    await expect(page.getByTestId('pipcache-storage-size')).toHaveCount(0);
    await page.getByRole('button', { name: 'Route' }).click();
    await page.getByLabel('Publish the mirror outside the cluster with a Route').uncheck();
    const plan = page.getByTestId('pipcache-migration-plan');
    await expect(plan).toContainText('The Route oldcache is deleted');
    await expect(plan).toContainText('the claim oldcache-data with its packages are deleted');
    await expect(plan).not.toContainText('the old pod is stopped');
    await page.getByTestId('pipcache-create-submit').click();

    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/oldcache$/, { timeout: 30_000 });
    expect(await one(cluster, 'DeploymentConfig', 'oldcache')).toBeUndefined();
    expect(await one(cluster, 'Route', 'oldcache')).toBeUndefined();
    expect(await one(cluster, 'PersistentVolumeClaim', 'oldcache-data')).toBeUndefined();
    const deployment = await one(cluster, 'Deployment', 'oldcache');
    expect(
      deployment.spec.template.spec.volumes.find((v: any) => v.name === 'data').emptyDir,
    ).toBeDefined();
  });

  test('a dry run the cluster refuses changes nothing, and the error shows where it belongs', async ({
    page,
    cluster,
    problems,
  }) => {
    problems.allow.push(/status of 403/);
    await cluster.seed(templateObjects());
    await cluster.faults({
      denials: [{ user: 'project-admin', verb: 'create', resource: '/secrets' }],
    });
    await page.goto('/pipcache/ns/demo/~new?migrate=oldcache');
    await page.getByTestId('pipcache-create-submit').click();
    await expect(page.getByTestId('pipcache-create-report')).toContainText(
      'refused in the dry run',
    );
    expect(
      (await one(cluster, 'DeploymentConfig', 'oldcache')).metadata.annotations,
    ).toBeUndefined();
    expect(await one(cluster, 'Deployment', 'oldcache')).toBeUndefined();
    expect(await one(cluster, 'Secret', 'oldcache-root')).toBeUndefined();
  });
});
