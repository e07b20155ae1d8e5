import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BuildConfig, Deployment, Route } from '../../model/shared';
import { buildManifests, defaultValues } from '../../model/cache';
import { k8sCreate, k8sPatch } from '../../test-support/console-sdk-double';
import EditCacheModal from './EditCacheModal';

jest.mock('../../sdk/console-sdk', () =>
  jest.requireActual('../../test-support/console-sdk-double'),
);
const patch = k8sPatch;
const create = k8sCreate;

const objects = () => {
  const values = defaultValues({
    pythonTags: ['3.12-ubi9'],
    allowedStrategies: ['docker'],
    canBuild: true,
  });
  const planned = buildManifests(values, 'demo', (n) => new Uint8Array(n).fill(3), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  }).map((p) => p.object);
  const find = (kind: string, name = 'pipcache') => {
    const found = planned.find((o) => o.kind === kind && o.metadata?.name === name);
    if (!found) throw new Error(kind);
    return { ...found, metadata: { ...found.metadata, resourceVersion: '5' } };
  };
  return {
    deployment: find('Deployment') as Deployment,
    buildConfig: find('BuildConfig') as BuildConfig,
    route: find('Route') as Route,
    filesRoute: find('Route', 'pipcache-files') as Route,
  };
};

/** Clicks Save and lets the mocked cluster calls and the state updates they cause finish. */
const save = async () => {
  await act(async () => {
    await userEvent.click(screen.getByTestId('pipcache-edit-save'));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
};

describe('EditCacheModal', () => {
  it('starts from the cache settings and shows errors under the fields, with Save disabled', async () => {
    render(<EditCacheModal namespace="demo" objects={objects()} closeModal={jest.fn()} />);
    const limit = screen.getByTestId('pipcache-edit-resources-memoryLimit');
    expect(limit).toHaveValue('1536Mi');
    expect(screen.queryByTestId('pipcache-edit-sizing')).toBeNull();
    expect(screen.getByTestId('pipcache-edit-save')).toBeDisabled();
    await userEvent.clear(limit);
    await userEvent.type(limit, '2 lots');
    expect(screen.getByTestId('pipcache-edit-resources-memoryLimit-error')).toHaveTextContent(
      'Enter a size such as 512Mi',
    );
    expect(screen.getByTestId('pipcache-edit-save')).toBeDisabled();
    await userEvent.type(screen.getByTestId('pipcache-edit-devpi-requestTimeout'), 'soon');
    expect(screen.getByTestId('pipcache-edit-devpi-requestTimeout-error')).toHaveTextContent(
      'Enter a whole number of seconds.',
    );
    expect(patch).not.toHaveBeenCalled();
  });

  it("names the cache pod's and the build's node-selector controls apart", async () => {
    render(<EditCacheModal namespace="demo" objects={objects()} closeModal={jest.fn()} />);
    await userEvent.click(
      screen.getByRole('button', { name: 'Add a node selector for the cache pod' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Add a node selector for the build' }),
    );
    expect(
      screen.getByRole('textbox', { name: "Key 1 of the cache pod's node selector" }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: "Key 1 of the build's node selector" }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add node label' })).toBeNull();
  });

  it("shows the create form's fields it may change, under the create form's labels, typed key by key", async () => {
    render(<EditCacheModal namespace="demo" objects={objects()} closeModal={jest.fn()} />);
    for (const label of [
      'Memory limit',
      'Upstream index URL',
      'Allowed source addresses',
      'Upstream timeout (seconds)',
    ]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    // What a running cache may not change is not offered.
    expect(screen.queryByLabelText('Upstream password')).toBeNull();
    expect(screen.queryByLabelText('Host')).toBeNull();
    const allowed = screen.getByTestId('pipcache-edit-route-allowedCidrs');
    await userEvent.type(allowed, '10.0.0.0/8 192.168.1.0/24');
    expect(allowed).toHaveValue('10.0.0.0/8 192.168.1.0/24');
    // (A generous timeout: typing key by key is slow on a loaded machine.)
  }, 30_000);

  it('dry runs the guarded patch before applying it, then closes', async () => {
    patch.mockResolvedValue({});
    const closeModal = jest.fn();
    render(<EditCacheModal namespace="demo" objects={objects()} closeModal={closeModal} />);
    const limit = screen.getByTestId('pipcache-edit-resources-memoryLimit');
    await userEvent.clear(limit);
    await userEvent.type(limit, '1Gi');
    await save();
    expect(closeModal).toHaveBeenCalled();
    expect(patch.mock.calls.map(([options]) => options.queryParams?.dryRun ?? 'real')).toEqual([
      'All',
      'real',
    ]);
    expect(patch.mock.calls[1]?.[0].data[0]).toEqual({
      op: 'test',
      path: '/metadata/resourceVersion',
      value: '5',
    });
  });

  it('says what was refused and changes nothing when the dry run fails', async () => {
    patch.mockRejectedValue(
      Object.assign(new Error('quota exceeded'), {
        json: {
          code: 422,
          message: 'quota exceeded',
          details: { causes: [{ field: 'spec', message: 'quota exceeded' }] },
        },
      }),
    );
    render(<EditCacheModal namespace="demo" objects={objects()} closeModal={jest.fn()} />);
    await userEvent.click(screen.getByTestId('pipcache-edit-offline'));
    await save();
    expect(screen.getByTestId('pipcache-edit-report')).toHaveTextContent('Nothing was changed');
    expect(screen.getByTestId('pipcache-edit-report')).toHaveTextContent(
      'Deployment pipcache: refused: quota exceeded',
    );
    expect(patch).toHaveBeenCalledTimes(1);
  });

  it('raises a cache made with the old sizing to the recommended one, adding the malloc arena cap', async () => {
    patch.mockResolvedValue({});
    const old = objects();
    const container = old.deployment.spec!.template.spec!.containers[0]!;
    container.resources = {
      requests: { memory: '256Mi', cpu: '100m' },
      limits: { memory: '768Mi' },
    };
    container.env = container.env!.filter(
      (entry) => entry.name !== 'MALLOC_ARENA_MAX' && entry.name !== 'DEVPI_REQUEST_TIMEOUT',
    );
    render(<EditCacheModal namespace="demo" objects={old} closeModal={jest.fn()} />);
    const sizing = screen.getByTestId('pipcache-edit-sizing');
    expect(sizing).toHaveTextContent('The memory limit 768Mi is below 1536Mi');
    expect(sizing).toHaveTextContent('The CPU request 100m is below 500m');
    expect(sizing).toHaveTextContent('timeout of 5 seconds');
    // The Alert measures its title after rendering: let that settle before it goes away.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await userEvent.click(screen.getByTestId('pipcache-edit-use-recommended'));
    });
    expect(screen.getByTestId('pipcache-edit-resources-memoryLimit')).toHaveValue('1536Mi');
    expect(screen.getByTestId('pipcache-edit-resources-memoryRequest')).toHaveValue('512Mi');
    expect(screen.getByTestId('pipcache-edit-devpi-requestTimeout')).toHaveValue('30');
    expect(screen.queryByTestId('pipcache-edit-sizing')).toBeNull();
    await save();
    const operations = patch.mock.calls[1]?.[0].data ?? [];
    expect(operations).toContainEqual({
      op: 'add',
      path: '/spec/template/spec/containers/0/resources',
      value: { requests: { memory: '512Mi', cpu: '500m' }, limits: { memory: '1536Mi' } },
    });
    const env = operations.find((operation: { path: string }) => operation.path.endsWith('/env'));
    expect(env?.value).toEqual(
      expect.arrayContaining([
        { name: 'MALLOC_ARENA_MAX', value: '2' },
        { name: 'DEVPI_REQUEST_TIMEOUT', value: '30' },
      ]),
    );
  });
  it('shows a damaged values record with what was wrong, and saves a fresh one even unchanged', async () => {
    patch.mockResolvedValue({});
    const closeModal = jest.fn();
    const live = objects();
    const deployment: Deployment = {
      ...live.deployment,
      metadata: {
        ...live.deployment.metadata,
        annotations: { 'pipcache-plugin/values': '{"schema":1,"image":{"command":"sh"}}' },
      },
    };
    render(
      <EditCacheModal namespace="demo" objects={{ ...live, deployment }} closeModal={closeModal} />,
    );
    expect(screen.getByTestId('pipcache-edit-damaged')).toHaveTextContent(
      'image.command is not a field of this record',
    );
    expect(screen.getByTestId('pipcache-edit-save')).toBeEnabled();
    await save();
    expect(closeModal).toHaveBeenCalled();
    const written = patch.mock.calls[1]?.[0].data.find(
      (op: { path: string }) => op.path === '/metadata/annotations/pipcache-plugin~1values',
    );
    expect(written?.value).not.toContain('command');
    expect(JSON.parse(written?.value).storage.kind).toBe('ephemeral');
  });

  it('splits the single route of a cache of schema 1 on save, even unchanged, N-files first', async () => {
    patch.mockResolvedValue({});
    create.mockImplementation((options) => Promise.resolve(options.data));
    const closeModal = jest.fn();
    const { route, deployment, buildConfig } = objects();
    const old = {
      deployment,
      buildConfig,
      route: { ...route, spec: { ...route.spec, path: '/root/pypi' } },
    };
    render(<EditCacheModal namespace="demo" objects={old} closeModal={closeModal} />);
    expect(screen.getByTestId('pipcache-edit-route-split')).toHaveTextContent(
      'a second route pipcache-files with the same host',
    );
    expect(screen.getByTestId('pipcache-edit-save')).toBeEnabled();
    await save();
    expect(closeModal).toHaveBeenCalled();
    const realCreate = create.mock.invocationCallOrder[1]!;
    const narrowing = patch.mock.calls.findIndex(
      ([options]) => !options.queryParams && options.model.kind === 'Route',
    );
    expect(create.mock.calls[1]?.[0].data.metadata?.name).toBe('pipcache-files');
    expect(patch.mock.calls[narrowing]?.[0].data).toContainEqual({
      op: 'add',
      path: '/spec/path',
      value: '/root/pypi/+simple',
    });
    expect(realCreate).toBeLessThan(patch.mock.invocationCallOrder[narrowing]!);
  });
});
