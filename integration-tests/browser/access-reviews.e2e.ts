import { cacheObjects, expect, test } from './fixtures';

// Every action of the details page that changes something asks an access review first and is
// shown disabled with the reason, as Delete is, instead of failing with a 403 after the click.

test.describe('actions the user may not take are disabled with the reason', () => {
  test('a viewer: Empty, Expand and Upgrade on a persistent cache', async ({ page, cluster }) => {
    await cluster.seed(cacheObjects('pipcache', { persistent: true }));
    await cluster.user('viewer');
    await page.goto('/pipcache/ns/demo/pipcache');
    for (const [id, reason] of [
      [
        'pipcache-disk-empty',
        'Emptying scales the cache and replaces its volume claim; you may not do both in project demo.',
      ],
      ['pipcache-disk-expand', 'You may not change volume claims in project demo.'],
      [
        'pipcache-upgrade',
        'Upgrading changes the build and the Deployment and starts a build; you may not do all of it in project demo.',
      ],
    ] as const) {
      const button = page.getByTestId(id);
      await expect(button).toHaveAttribute('aria-disabled', 'true');
      await button.hover();
      await expect(page.getByRole('tooltip')).toHaveText(reason);
      await button.click({ force: true });
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await page.mouse.move(0, 0);
      await expect(page.getByRole('tooltip')).toHaveCount(0);
    }
  });

  test('a viewer: the restart that empties an ephemeral cache', async ({ page, cluster }) => {
    await cluster.seed(cacheObjects('pipcache'));
    await cluster.user('viewer');
    await page.goto('/pipcache/ns/demo/pipcache');
    const button = page.getByTestId('pipcache-storage-empty');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await button.hover();
    await expect(page.getByRole('tooltip')).toHaveText(
      'You may not restart pip caches in project demo.',
    );
  });

  test('an editor who may not delete claims may expand the volume but not empty it', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('pipcache', { persistent: true }));
    await cluster.user('editor');
    await cluster.faults({
      denials: [{ user: 'editor', verb: 'delete', resource: '/persistentvolumeclaims' }],
    });
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-disk-empty')).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByTestId('pipcache-disk-expand')).not.toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(page.getByTestId('pipcache-upgrade')).not.toHaveAttribute('aria-disabled', 'true');
  });
});
