import { cacheObjects, expect, runningPod, test } from './fixtures';

const MiB = 1024 ** 2;

/** The cache's objects with its claim in another StorageClass. */
const inClass = (objects: any[], storageClassName: string) =>
  objects.map((o) =>
    o.kind === 'PersistentVolumeClaim' ? { ...o, spec: { ...o.spec, storageClassName } } : o,
  );

test.describe('living with a cache', () => {
  test('shows how full the volume is, warns from 80%, and grows it', async ({ page, cluster }) => {
    await cluster.seed([...cacheObjects('pipcache', { persistent: true }), runningPod('pipcache')]);
    await cluster.diskUsage('pipcache-data', 300 * MiB);
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-disk-sentence')).toHaveText(
      '300.0 MiB of 1.0 GiB used (29%).',
    );
    await expect(page.getByTestId('pipcache-disk-sentence')).toHaveAttribute('data-level', 'ok');

    await cluster.diskUsage('pipcache-data', 900 * MiB);
    await page.reload();
    const sentence = page.getByTestId('pipcache-disk-sentence');
    await expect(sentence).toHaveAttribute('data-level', 'warning');
    await expect(sentence).toContainText('900.0 MiB of 1.0 GiB used (88%). devpi never removes');

    // The list warns too, so a filling cache is seen before anyone opens it.
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-disk-label')).toContainText('88% full');
    // And so does the project's Overview, where most people look first.
    await page.goto('/k8s/cluster/projects/demo');
    await expect(page.getByTestId('pipcache-disk-label')).toContainText('88% full');
    await page.goto('/pipcache/ns/demo/pipcache');

    await page.getByTestId('pipcache-disk-expand').click();
    const modal = page.getByTestId('pipcache-expand-modal');
    await modal.getByTestId('pipcache-expand-size').fill('512Mi');
    await expect(modal.getByText('A volume can only grow: enter more than 1Gi.')).toBeVisible();
    await expect(modal.getByTestId('pipcache-expand-apply')).toBeDisabled();
    await modal.getByTestId('pipcache-expand-size').fill('2Gi');
    await modal.getByTestId('pipcache-expand-apply').click();
    await expect(modal).toHaveCount(0);
    const [claim] = await cluster.objects('PersistentVolumeClaim', 'demo');
    expect(claim.spec.resources.requests.storage).toBe('2Gi');
    // The resized capacity reaches the kubelet's figures on the next reading once the driver
    // has resized the volume.
    await expect
      .poll(
        async () =>
          (await cluster.objects('PersistentVolumeClaim', 'demo'))[0].status?.capacity?.storage,
      )
      .toBe('2Gi');
    await page.reload();
    await expect(page.getByTestId('pipcache-disk-sentence')).toHaveText(
      '900.0 MiB of 2.0 GiB used (44%).',
    );
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-status')).toBeVisible();
    await expect(page.getByTestId('pipcache-disk-label')).toHaveCount(0);
  });

  test('explains a StorageClass that cannot expand, and an unreachable Prometheus', async ({
    page,
    cluster,
    problems,
  }) => {
    // The refused metrics queries are the point of the test; the browser logs their 503s.
    problems.allow.push(/status of 503/);
    await cluster.seed([
      ...inClass(cacheObjects('pipcache', { persistent: true }), 'fast-local'),
      runningPod('pipcache'),
    ]);
    await cluster.faults({ prometheusUnavailable: 503 });
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-disk-unknown')).toContainText(
      'Disk use unknown: the cluster monitoring (Prometheus) did not answer',
    );
    await page.getByTestId('pipcache-disk-expand').click();
    await expect(page.getByTestId('pipcache-expand-unsupported')).toContainText(
      'StorageClass fast-local does not allow volume expansion.',
    );
    await expect(page.getByTestId('pipcache-expand-apply')).toHaveCount(0);
  });

  test('empties a persistent cache, and a run stopped half way is finished by running again', async ({
    page,
    cluster,
    problems,
  }) => {
    problems.allow.push(/status of 500/);
    // The image exists, so the in-memory Deployment controller scales pods down and up.
    const objects = cacheObjects('pipcache', { persistent: true }).map((o) =>
      o.kind === 'ImageStream'
        ? {
            ...o,
            status: {
              tags: [{ tag: 'latest', items: [{ dockerImageReference: 'x', image: 'sha256:1' }] }],
            },
          }
        : o,
    );
    await cluster.seed([...objects, runningPod('pipcache')]);
    const claimUid = async () =>
      (await cluster.objects('PersistentVolumeClaim', 'demo'))[0]?.metadata.uid as
        string | undefined;
    const before = await claimUid();
    await page.goto('/pipcache/ns/demo/pipcache');
    // A persistent cache is emptied from its disk figures, not as an ephemeral one.
    await expect(page.getByTestId('pipcache-storage-empty')).toHaveCount(0);
    await page.getByTestId('pipcache-disk-empty').click();
    const modal = page.getByTestId('pipcache-empty-modal');
    await expect(modal.getByTestId('pipcache-empty-run')).toBeDisabled();
    // The confirmation stands apart from the steps above it instead of touching the last one.
    const steps = await modal.getByTestId('pipcache-empty-steps').boundingBox();
    const accept = await modal
      .getByText('I understand that every cached package is removed.')
      .boundingBox();
    expect(accept!.y - (steps!.y + steps!.height)).toBeGreaterThanOrEqual(8);
    await modal.getByTestId('pipcache-empty-accept').check();

    // The third write of the run (creating the claim again) fails.
    await cluster.faults({
      failWrites: [
        {
          nth: 3,
          code: 500,
          message: 'etcdserver: leader changed',
          kind: 'PersistentVolumeClaim',
        },
      ],
    });
    await modal.getByTestId('pipcache-empty-run').click();
    await expect(modal.getByTestId('pipcache-empty-failed')).toContainText(
      'Emptying stopped at: Create the claim again, empty',
    );
    await expect(modal.getByTestId('pipcache-empty-failed')).toContainText(
      'etcdserver: leader changed',
    );
    expect(await claimUid()).toBeUndefined();
    const [halfway] = await cluster.objects('Deployment', 'demo');
    expect(halfway.spec.replicas).toBe(0);
    expect(halfway.metadata.annotations['pipcache-plugin/emptying']).toBeDefined();

    // Closing and coming back (or another browser) sees the unfinished job and finishes it.
    await modal.getByTestId('pipcache-empty-close').click();
    await page.reload();
    await page.getByTestId('pipcache-disk-empty').click();
    await expect(modal.getByTestId('pipcache-empty-pending')).toBeVisible();
    await modal.getByTestId('pipcache-empty-run').click();
    await expect(modal.getByTestId('pipcache-empty-done')).toContainText(
      'The cache is empty and starting again.',
    );
    const after = await claimUid();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const [done] = await cluster.objects('Deployment', 'demo');
    expect(done.spec.replicas).toBe(1);
    expect(done.metadata.annotations?.['pipcache-plugin/emptying']).toBeUndefined();
  });

  /** An ephemeral cache whose image exists and was built, with its running pod. */
  const runningEphemeral = () => {
    const objects = cacheObjects('pipcache').map((o) =>
      o.kind === 'ImageStream'
        ? {
            ...o,
            status: {
              tags: [{ tag: 'latest', items: [{ dockerImageReference: 'x', image: 'sha256:1' }] }],
            },
          }
        : o,
    );
    const labels = {
      'app.kubernetes.io/name': 'pipcache',
      'app.kubernetes.io/instance': 'pipcache',
    };
    return [
      ...objects,
      {
        apiVersion: 'build.openshift.io/v1',
        kind: 'Build',
        metadata: {
          name: 'pipcache-1',
          namespace: 'demo',
          labels: { ...labels, buildconfig: 'pipcache' },
        },
        status: { phase: 'Complete' },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'pipcache-7d9f-abcde', namespace: 'demo', labels },
        spec: { containers: [{ name: 'devpi', image: 'devpi:latest' }] },
        status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
      },
    ];
  };

  test('empties an ephemeral cache by replacing its pod, once even on a double click', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(runningEphemeral());
    const [seeded] = await cluster.objects('Deployment', 'demo');
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-status')).toHaveAttribute('data-status', 'ready');
    // An ephemeral cache has no volume figures, but it can be emptied all the same.
    await expect(page.getByTestId('pipcache-disk-empty')).toHaveCount(0);
    await page.getByTestId('pipcache-storage-empty').click();
    const modal = page.getByTestId('pipcache-empty-ephemeral-modal');
    await expect(modal).toContainText('The packages of this cache are on an emptyDir volume');
    await expect(modal).toContainText('a new pod starts with an empty volume');
    await expect(modal).toContainText('they fetch every package from PyPI through the new pod');

    await modal.getByTestId('pipcache-empty-run').dblclick();
    await expect(modal.getByTestId('pipcache-empty-run')).toBeDisabled();
    await expect(modal.getByTestId('pipcache-empty-done')).toContainText(
      /The cache is empty: its new pod pipcache-\w+-\w+ is ready\./,
    );
    const pods = await cluster.objects('Pod', 'demo');
    expect(pods).toHaveLength(1);
    const [pod] = pods;
    expect(pod.metadata.name).not.toBe('pipcache-7d9f-abcde');
    await expect(modal.getByTestId('pipcache-empty-done')).toContainText(pod.metadata.name);
    const [deployment] = await cluster.objects('Deployment', 'demo');
    const stamp = deployment.spec.template.metadata.annotations['pipcache-plugin/emptied-at'];
    expect(new Date(stamp).toISOString()).toBe(stamp);
    expect(pod.metadata.annotations['pipcache-plugin/emptied-at']).toBe(stamp);
    // The double click changed the pod template once: one restart.
    expect(deployment.metadata.generation).toBe(Number(seeded.metadata.generation) + 1);

    await modal.getByTestId('pipcache-empty-close').click();
    await expect(page.getByTestId('pipcache-status')).toHaveAttribute('data-status', 'ready');
    await page.getByTestId('pipcache-tab-objects').click();
    const objects = page.getByTestId('pipcache-objects');
    await expect(objects).toContainText(pod.metadata.name);
    await expect(objects).not.toContainText('pipcache-7d9f-abcde');
  });

  test('says where the user acted when the restart of an ephemeral cache is refused', async ({
    page,
    cluster,
    problems,
  }) => {
    problems.allow.push(/status of 403/);
    await cluster.seed(runningEphemeral());
    // Without the right, the access review shows the action disabled with the reason.
    await cluster.faults({
      denials: [{ user: 'project-admin', verb: 'patch', resource: 'apps/deployments' }],
    });
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-storage-empty')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    // A right taken away after the page asked (or a policy the review cannot see) still ends
    // in a 403 on the patch: the dialog says where the user acted.
    await cluster.faults({
      denials: [],
      failWrites: [
        {
          nth: 1,
          code: 403,
          kind: 'Deployment',
          message:
            'deployments.apps "pipcache" is forbidden: User "developer" cannot patch resource "deployments" in API group "apps" in the namespace "demo"',
        },
      ],
    });
    await page.reload();
    await page.getByTestId('pipcache-storage-empty').click();
    const modal = page.getByTestId('pipcache-empty-ephemeral-modal');
    await modal.getByTestId('pipcache-empty-run').click();
    const failed = modal.getByTestId('pipcache-empty-failed');
    await expect(failed).toContainText('You may not restart the pod of pipcache.');
    await expect(failed).toContainText('needs the edit or admin role in project demo');
    await expect(failed).toContainText('forbidden');
    await expect(modal.getByTestId('pipcache-empty-step-restart')).toContainText('(stopped here)');
    // Nothing changed: the same pod still serves the cache, and the user may try again.
    const pods = await cluster.objects('Pod', 'demo');
    expect(pods.map((p) => p.metadata.name)).toEqual(['pipcache-7d9f-abcde']);
    await expect(modal.getByTestId('pipcache-empty-run')).toBeEnabled();
    await expect(modal.getByTestId('pipcache-empty-run')).toHaveText('Run again');
  });

  test('upgrades devpi-server: pins the release, rebuilds, and refuses a release outside 6.x', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('pipcache'));
    await page.goto('/pipcache/ns/demo/pipcache');
    await page.getByTestId('pipcache-upgrade').click();
    const modal = page.getByTestId('pipcache-upgrade-modal');
    await expect(modal.getByTestId('pipcache-upgrade-version')).toHaveValue('6.19.1');
    await modal.getByTestId('pipcache-upgrade-version').fill('7.0.0');
    await expect(
      modal.getByText('Choose a devpi-server 6 release (6.11 or later, below 7).'),
    ).toBeVisible();
    await expect(modal.getByTestId('pipcache-upgrade-apply')).toBeDisabled();

    await modal.getByTestId('pipcache-upgrade-version').fill('6.20.0');
    await modal.getByTestId('pipcache-upgrade-apply').click();
    await expect(modal.getByTestId('pipcache-upgrade-result')).toContainText(
      'the pod moves to devpi-server 6.20.0 when it finishes.',
    );
    const [bc] = await cluster.objects('BuildConfig', 'demo');
    expect(bc.spec.source.dockerfile).toContain('"devpi-server==6.20.0"');
    expect(bc.spec.source.dockerfile).not.toContain('6.19.1');
    const [deployment] = await cluster.objects('Deployment', 'demo');
    expect(
      JSON.parse(deployment.metadata.annotations['pipcache-plugin/values']).image.devpiVersion,
    ).toBe('6.20.0');
    const builds = await cluster.objects('Build', 'demo');
    expect(builds.length).toBeGreaterThan(0);
  });

  test('takes PEP 440 pre-releases in any spelling and pins their normal form, in the upgrade dialog and the create form', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('pipcache'));
    await page.goto('/pipcache/ns/demo/pipcache');
    await page.getByTestId('pipcache-upgrade').click();
    const modal = page.getByTestId('pipcache-upgrade-modal');
    const field = modal.getByTestId('pipcache-upgrade-version');
    await field.fill('6.19.1-beta-gamma');
    await expect(
      modal.getByText(
        '“6.19.1-beta-gamma” is not a version number (PEP 440). Enter one such as 6.19.1, 6.20.0rc1 or 6.19.1.post1.',
      ),
    ).toBeVisible();
    await expect(modal.getByTestId('pipcache-upgrade-apply')).toBeDisabled();
    await field.fill('6.11rc1');
    await expect(
      modal.getByText('6.11rc1 is a pre-release of 6.11, which comes before 6.11.'),
    ).toBeVisible();
    await field.fill('6.19.1-beta');
    await expect(
      modal.getByText('Pinned as 6.19.1b0, the normal form (PEP 440) of 6.19.1-beta.'),
    ).toBeVisible();
    await modal.getByTestId('pipcache-upgrade-apply').click();
    await expect(modal.getByTestId('pipcache-upgrade-result')).toContainText(
      'the pod moves to devpi-server 6.19.1b0 when it finishes.',
    );
    const [bc] = await cluster.objects('BuildConfig', 'demo');
    expect(bc.spec.source.dockerfile).toContain('"devpi-server==6.19.1b0"');

    // The create form checks and pins the same way.
    await page.goto('/pipcache/ns/demo/~new');
    await page.getByTestId('pipcache-name').fill('second');
    await page
      .getByTestId('pipcache-section-image')
      .getByRole('button', { name: 'Image source' })
      .click();
    const version = page.getByTestId('pipcache-image-devpiVersion');
    await version.fill('6.19.1-beta-gamma');
    await expect(page.getByTestId('pipcache-image-devpiVersion-error')).toContainText(
      'is not a version number (PEP 440)',
    );
    await version.fill('6.20.0-RC1');
    await expect(
      page.getByText('Pinned as 6.20.0rc1, the normal form (PEP 440) of 6.20.0-RC1.'),
    ).toBeVisible();
    await page.getByTestId('pipcache-create-submit').click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/second$/);
    const created = (await cluster.objects('BuildConfig', 'demo')).find(
      (o) => o.metadata.name === 'second',
    );
    expect(created.spec.source.dockerfile).toContain('"devpi-server==6.20.0rc1"');
  });

  test('shows caches made by the original templates, and why to replace them', async ({
    page,
    cluster,
  }) => {
    await cluster.seed([
      {
        apiVersion: 'apps.openshift.io/v1',
        kind: 'DeploymentConfig',
        metadata: {
          name: 'oldcache',
          namespace: 'demo',
          labels: { app: 'pipcache', template: 'pipcache-persistent' },
        },
        spec: {
          replicas: 1,
          template: {
            spec: {
              containers: [{ name: 'devpi', resources: { limits: { memory: '256Mi', cpu: '1' } } }],
              volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'oldcache-data' } }],
            },
          },
        },
        status: { readyReplicas: 1 },
      },
      // Another application's DeploymentConfig stays out of it.
      {
        apiVersion: 'apps.openshift.io/v1',
        kind: 'DeploymentConfig',
        metadata: { name: 'shop', namespace: 'demo', labels: { app: 'shop' } },
        spec: { replicas: 1, template: { spec: { containers: [{ name: 'shop' }] } } },
      },
    ]);
    await page.goto('/pipcache/ns/demo');
    const alert = page.getByTestId('pipcache-template-caches');
    await expect(alert.getByTestId('pipcache-template-oldcache')).toContainText(
      'oldcache in project demo: Made by the original pipcache-persistent template. It still runs, but a rebuild fails',
    );
    await expect(alert.getByRole('listitem')).toHaveCount(1);
    await alert.getByRole('link', { name: 'Replace it with a pip cache' }).click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/~new\?migrate=oldcache$/);
  });
});
