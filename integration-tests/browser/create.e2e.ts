import { cacheObjects, expect, test } from './fixtures';

const names = (objects: any[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();

test.describe('Add → PipCache', () => {
  test('creates an ephemeral cache with the defaults and opens its page', async ({
    page,
    cluster,
  }) => {
    await page.goto('/pipcache/ns/demo/~new');
    await expect(page.getByTestId('pipcache-name')).toHaveValue('pipcache');
    await page.getByTestId('pipcache-create-submit').click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/pipcache$/);
    await expect(page.getByTestId('pipcache-details-title')).toHaveText('pipcache');
    // What the plugin created (the cluster's controllers add builds and pods of their own).
    const created = (await cluster.objects(undefined, 'demo')).filter(
      (o) =>
        o.metadata.labels?.['app.kubernetes.io/instance'] === 'pipcache' &&
        !['Build', 'Pod'].includes(o.kind),
    );
    expect(names(created)).toEqual(
      [
        'BuildConfig/pipcache',
        'Deployment/pipcache',
        'ImageStream/pipcache',
        'Route/pipcache',
        'Route/pipcache-files',
        'Secret/pipcache-root',
        'Service/pipcache',
      ].sort(),
    );
    const secret = created.find((o) => o.kind === 'Secret');
    expect(secret.data?.password ?? secret.stringData?.password).toBeTruthy();
    // Two Routes on the one host the API server generated: the simple pages and the files.
    const routes = created.filter((o) => o.kind === 'Route');
    expect(routes.map((o) => [o.metadata.name, o.spec.host, o.spec.path]).sort()).toEqual([
      ['pipcache', 'pipcache-demo.apps.demo.example.com', '/root/pypi/+simple'],
      ['pipcache-files', 'pipcache-demo.apps.demo.example.com', '/root/pypi/+f'],
    ]);
    await expect(page.getByTestId('pipcache-external-url')).toContainText(
      'https://pipcache-demo.apps.demo.example.com/root/pypi/+simple/',
    );
  });

  test('creates the original README example: persistent 512Mi, a storage class, speed=fast for build and pods', async ({
    page,
    cluster,
  }) => {
    await page.goto('/pipcache/ns/demo/~new');
    await page.getByLabel('Persistent volume').check();
    await page.getByTestId('pipcache-storage-size').fill('512Mi');
    // The cluster's StorageClasses say whether the volume can grow when devpi fills it.
    const classHelp = page.getByTestId('pipcache-storage-class-help');
    await expect(classHelp).toHaveText(
      'standard-csi allows volume expansion: the cache can grow later from its page.',
    );
    await page.getByTestId('pipcache-storage-class').selectOption('fast-local');
    await expect(classHelp).toHaveText(/^fast-local cannot expand volumes: when the cache is full/);
    await page
      .getByTestId('pipcache-section-placement')
      .getByRole('button', { name: 'Placement' })
      .click();
    for (const editor of ['pipcache-build-selector', 'pipcache-pod-selector']) {
      await page.getByTestId(`${editor}-add`).click();
      await page.getByTestId(`${editor}-key-0`).fill('speed');
      await page.getByTestId(`${editor}-value-0`).fill('fast');
    }
    await page.getByTestId('pipcache-create-submit').click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/pipcache$/);
    const objects = await cluster.objects(undefined, 'demo');
    const pvc = objects.find((o) => o.kind === 'PersistentVolumeClaim');
    expect(pvc.spec).toMatchObject({
      storageClassName: 'fast-local',
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '512Mi' } },
    });
    expect(objects.find((o) => o.kind === 'BuildConfig').spec.nodeSelector).toEqual({
      speed: 'fast',
    });
    const deployment = objects.find((o) => o.kind === 'Deployment');
    expect(deployment.spec.template.spec.nodeSelector).toEqual({ speed: 'fast' });
    expect(deployment.spec.template.spec.volumes[0]).toEqual({
      name: 'data',
      persistentVolumeClaim: { claimName: 'pipcache-data' },
    });
  });

  test('reports a name that is taken where it is typed, before anything is created', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('pipcache'));
    const before = (await cluster.objects(undefined, 'demo')).length;
    await page.goto('/pipcache/ns/demo/~new');
    // The form suggests a free name and greets the user without an error.
    await expect(page.getByTestId('pipcache-name')).toHaveValue('pipcache-2');
    await expect(page.getByTestId('pipcache-name-error')).toHaveCount(0);
    await expect(page.getByTestId('pipcache-form-errors')).toHaveCount(0);
    await page.getByTestId('pipcache-name').fill('pipcache');
    await expect(page.getByTestId('pipcache-name-error')).toContainText(
      'A pip cache called pipcache already exists in this project.',
    );
    // Create stays disabled while a field is wrong, and says so.
    await expect(page.getByTestId('pipcache-create-submit')).toBeDisabled();
    await expect(page.getByTestId('pipcache-form-errors')).toBeVisible();
    await page.getByTestId('pipcache-name').press('Enter');
    expect((await cluster.objects(undefined, 'demo')).length).toBe(before);
    // A free name makes it possible again.
    await page.getByTestId('pipcache-name').fill('pipcache-two');
    await expect(page.getByTestId('pipcache-create-submit')).toBeEnabled();
  });

  test('a dry-run refusal creates nothing and names the object and the reason', async ({
    page,
    cluster,
    problems,
  }) => {
    // The browser logs the refused request; that is the point of this test.
    problems.allow.push(/status of 409/);
    // A Secret of that name exists, though no cache does: only the server can tell.
    await cluster.seed([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'pipcache-root', namespace: 'demo' },
        data: {},
      },
    ]);
    await page.goto('/pipcache/ns/demo/~new');
    await page.getByTestId('pipcache-create-submit').click();
    const report = page.getByTestId('pipcache-create-report');
    await expect(report).toContainText(
      'The cluster refused the cache in a dry run; nothing was created.',
    );
    await expect(report).toContainText(
      'Secret pipcache-root: refused in the dry run: secrets "pipcache-root" already exists',
    );
    expect(names(await cluster.objects('Deployment', 'demo'))).toEqual([]);
  });

  test('a failure on the 4th object leaves nothing behind and says why', async ({
    page,
    cluster,
    problems,
  }) => {
    // The browser logs the failed request; that is the point of this test.
    problems.allow.push(/status of 500/);
    await page.goto('/pipcache/ns/demo/~new');
    await expect(page.getByTestId('pipcache-name')).toHaveValue('pipcache');
    // Seven dry runs, then the real creates: the 4th real create is the 11th write.
    await cluster.faults({
      failWrites: [{ nth: 11, code: 500, message: 'etcdserver: request timed out' }],
    });
    await page.getByTestId('pipcache-create-submit').click();
    const report = page.getByTestId('pipcache-create-report');
    await expect(report).toContainText('everything this attempt created was removed again');
    await expect(report).toContainText('Service pipcache: refused: etcdserver: request timed out');
    await expect(report).toContainText('Secret pipcache-root: created, then removed again');
    const left = (await cluster.objects(undefined, 'demo')).filter(
      (o) => o.metadata.labels?.['app.kubernetes.io/instance'] === 'pipcache',
    );
    expect(left).toEqual([]);
    // The values are kept: creating again works.
    await page.getByTestId('pipcache-create-submit').click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/pipcache$/);
  });

  test('a viewer is told why they cannot create', async ({ page, cluster }) => {
    await cluster.user('viewer');
    await page.goto('/pipcache/ns/demo/~new');
    await expect(page.getByTestId('pipcache-create-forbidden')).toContainText(
      'You may not create a pip cache in project demo',
    );
  });

  test('without Docker build rights the form builds with source-to-image and that works', async ({
    page,
    cluster,
  }) => {
    await cluster.faults({ dockerBuilds: false });
    await cluster.user('editor');
    await page.goto('/pipcache/ns/demo/~new');
    await page
      .getByTestId('pipcache-section-image')
      .getByRole('button', { name: 'Image source' })
      .click();
    await expect(page.getByLabel('Docker (inline Dockerfile)')).toBeDisabled();
    await expect(
      page.getByLabel('Source-to-image (requirements.txt from a ConfigMap)'),
    ).toBeChecked();
    await page.getByTestId('pipcache-create-submit').click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/pipcache$/);
    const objects = await cluster.objects(undefined, 'demo');
    expect(objects.find((o) => o.kind === 'BuildConfig').spec.strategy.type).toBe('Source');
    expect(
      objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'pipcache-source').data[
        'requirements.txt'
      ],
    ).toBe('devpi-server==6.19.1\n');
  });

  test('can be completed with the keyboard alone', async ({ page, cluster }) => {
    await page.goto('/pipcache/ns/demo/~new');
    await page.getByTestId('pipcache-name').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('keys');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/keys$/);
    expect(names(await cluster.objects('Deployment', 'demo'))).toEqual(['Deployment/keys']);
  });

  test('shows the YAML of what will be created without any secret value', async ({ page }) => {
    await page.goto('/pipcache/ns/demo/~new');
    await page.getByTestId('pipcache-section-yaml').getByRole('button').click();
    const yaml = page.getByTestId('pipcache-yaml');
    await expect(yaml).toContainText('kind: Deployment');
    await expect(yaml).toContainText('<generated when the cache is created>');
    await expect(yaml).toContainText('# Secret values are not shown.');
  });
});

test('a new cache goes from building to ready as the cluster works, without a reload', async ({
  page,
  cluster,
}) => {
  await cluster.faults({ stepMs: 300 });
  await page.goto('/pipcache/ns/demo/~new');
  await page.getByTestId('pipcache-create-submit').click();
  await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/pipcache$/);
  const status = page.getByTestId('pipcache-status');
  await expect(status).toHaveAttribute('data-status', 'building');
  // Screen readers hear the status change as it happens, from a live region.
  const announcement = page.getByRole('status').filter({ hasText: /^Status: / });
  await expect(announcement).toHaveText('Status: Building');
  await expect(page.getByTestId('pipcache-build-state')).toContainText(
    /Building|Waiting to build|Complete/,
  );
  await expect(status).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(announcement).toHaveText('Status: Ready');
  await expect(page.getByTestId('pipcache-health-sentence')).toHaveText(
    /^Ready — answered in \d+ ms\.$/,
    { timeout: 20_000 },
  );
  await expect(page.getByTestId('pipcache-external-url')).toHaveText(
    'https://pipcache-demo.apps.demo.example.com/root/pypi/+simple/',
  );
});
